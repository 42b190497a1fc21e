<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<!-- English needs only its plural forms: Qt substitutes %n but chooses no form without a
     translation. Kept by hand; tst_packaging_translations checks every %n message is here. -->
<context>
    <name>paperboy::AddController</name>
    <message numerus="yes">
        <source>Adding %n paper(s)…</source>
        <translation>
            <numerusform>Adding %n paper…</numerusform>
            <numerusform>Adding %n papers…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Added %n paper(s).</source>
        <translation>
            <numerusform>Added %n paper.</numerusform>
            <numerusform>Added %n papers.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>paperboy::DayTreeModel</name>
    <message numerus="yes">
        <source>%n papers, %1 unread</source>
        <translation>
            <numerusform>%n paper, %1 unread</numerusform>
            <numerusform>%n papers, %1 unread</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>paperboy::ExportController</name>
    <message numerus="yes">
        <source>Copied the %1 of %n papers.</source>
        <translation>
            <numerusform>Copied the %1 of %n paper.</numerusform>
            <numerusform>Copied the %1 of %n papers.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n papers to %1.</source>
        <translation>
            <numerusform>Exported %n paper to %1.</numerusform>
            <numerusform>Exported %n papers to %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n notes to %1: %2 new, %3 updated, %4 unchanged.</source>
        <translation>
            <numerusform>Wrote %n note to %1: %2 new, %3 updated, %4 unchanged.</numerusform>
            <numerusform>Wrote %n notes to %1: %2 new, %3 updated, %4 unchanged.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n files without Paperboy&apos;s marker line were left alone.</source>
        <translation>
            <numerusform>%n file without Paperboy&apos;s marker line was left alone.</numerusform>
            <numerusform>%n files without Paperboy&apos;s marker line were left alone.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>paperboy::ExportDialog</name>
    <message numerus="yes">
        <source>Selected papers (%n)</source>
        <translation>
            <numerusform>Selected paper (%n)</numerusform>
            <numerusform>Selected papers (%n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>paperboy::FetchController</name>
    <message numerus="yes">
        <source>Fetched %n papers.</source>
        <translation>
            <numerusform>Fetched %n paper.</numerusform>
            <numerusform>Fetched %n papers.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of your papers have a new version.</source>
        <translation>
            <numerusform>%n of your papers has a new version.</numerusform>
            <numerusform>%n of your papers have a new version.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>paperboy::Notice</name>
    <message numerus="yes">
        <source>%n of your papers have code links</source>
        <translation>
            <numerusform>%n of your papers has a code link</numerusform>
            <numerusform>%n of your papers have code links</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new papers for %1</source>
        <translation>
            <numerusform>%n new paper for %1</numerusform>
            <numerusform>%n new papers for %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n starred papers have new versions</source>
        <translation>
            <numerusform>%n starred paper has a new version</numerusform>
            <numerusform>%n starred papers have new versions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %n more papers</source>
        <translation>
            <numerusform>and %n more paper</numerusform>
            <numerusform>and %n more papers</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>paperboy::ReadingStatsView</name>
    <message numerus="yes">
        <source>%n papers</source>
        <translation>
            <numerusform>%n paper</numerusform>
            <numerusform>%n papers</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>paperboy::TrendsChart</name>
    <message numerus="yes">
        <source>%1: %n papers, %2 %</source>
        <translation>
            <numerusform>%1: %n paper, %2 %</numerusform>
            <numerusform>%1: %n papers, %2 %</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n papers</source>
        <translation>
            <numerusform>%1: %n paper</numerusform>
            <numerusform>%1: %n papers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n papers in all</source>
        <translation>
            <numerusform>%n paper in all</numerusform>
            <numerusform>%n papers in all</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>paperboy::UnreadTray</name>
    <message numerus="yes">
        <source>Paperboy: %n unread papers</source>
        <translation>
            <numerusform>Paperboy: %n unread paper</numerusform>
            <numerusform>Paperboy: %n unread papers</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>paperboy::ImportController</name>
    <message numerus="yes">
        <source>Importing %n files…</source>
        <translation>
            <numerusform>Importing %n file…</numerusform>
            <numerusform>Importing %n files…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %n files, %1.</source>
        <translation>
            <numerusform>Imported %n file, %1.</numerusform>
            <numerusform>Imported %n files, %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n papers</source>
        <translation>
            <numerusform>%n paper</numerusform>
            <numerusform>%n papers</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>paperboy::ListController</name>
    <message numerus="yes">
        <source>%1 · %n papers</source>
        <translation>
            <numerusform>%1 · %n paper</numerusform>
            <numerusform>%1 · %n papers</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>paperboy::MainWindow</name>
    <message numerus="yes">
        <source>%n days of digests.</source>
        <translation>
            <numerusform>%n day of digests.</numerusform>
            <numerusform>%n days of digests.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>paperboy::NotePanel</name>
    <message numerus="yes">
        <source>%n note(s) not saved yet (%1): %2</source>
        <translation>
            <numerusform>%n note not saved yet (%1): %2</numerusform>
            <numerusform>%n notes not saved yet (%1): %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>paperboy::NoteRecoveryBanner</name>
    <message numerus="yes">
        <source>%n note(s) typed before Paperboy last closed could not be saved (%1). They were kept; save them now?</source>
        <translation>
            <numerusform>A note typed before Paperboy last closed could not be saved (%1). It was kept; save it now?</numerusform>
            <numerusform>%n notes typed before Paperboy last closed could not be saved (%1). They were kept; save them now?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Discard the %n note(s) that could not be saved? They cannot be recovered afterwards.</source>
        <translation>
            <numerusform>Discard the note that could not be saved? It cannot be recovered afterwards.</numerusform>
            <numerusform>Discard the %n notes that could not be saved? They cannot be recovered afterwards.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>paperboy::PaperEdits</name>
    <message numerus="yes">
        <source>Marked %n papers as read.</source>
        <translation>
            <numerusform>Marked %n paper as read.</numerusform>
            <numerusform>Marked %n papers as read.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>paperboy::NoteHistoryDialog</name>
    <message numerus="yes">
        <source>%n earlier version(s) of the note of %1, newest first. Bringing one back keeps the current note here too.</source>
        <translation>
            <numerusform>%n earlier version of the note of %1. Bringing it back keeps the current note here too.</numerusform>
            <numerusform>%n earlier versions of the note of %1, newest first. Bringing one back keeps the current note here too.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>paperboy::TranslationController</name>
    <message numerus="yes">
        <source>Completed the English of %n papers from arXiv.</source>
        <translation>
            <numerusform>Completed the English of %n paper from arXiv.</numerusform>
            <numerusform>Completed the English of %n papers from arXiv.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Translating %n papers with %1 (%2 characters)…</source>
        <translation>
            <numerusform>Translating %n paper with %1 (%2 characters)…</numerusform>
            <numerusform>Translating %n papers with %1 (%2 characters)…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Translate %n papers of %1 with %2?</source>
        <translation>
            <numerusform>Translate %n paper of %1 with %2?</numerusform>
            <numerusform>Translate %n papers of %1 with %2?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 characters in %n requests.</source>
        <translation>
            <numerusform>%1 characters in %n request.</numerusform>
            <numerusform>%1 characters in %n requests.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n papers already have Chinese and are not sent.</source>
        <translation>
            <numerusform>%n paper already has Chinese and is not sent.</numerusform>
            <numerusform>%n papers already have Chinese and are not sent.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Today&apos;s translation cap of %1 characters is reached: %n papers wait for tomorrow (Preferences, Translation).</source>
        <translation>
            <numerusform>Today&apos;s translation cap of %1 characters is reached: %n paper waits for tomorrow (Preferences, Translation).</numerusform>
            <numerusform>Today&apos;s translation cap of %1 characters is reached: %n papers wait for tomorrow (Preferences, Translation).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Translation cancelled; %n papers translated before it stopped.</source>
        <translation>
            <numerusform>Translation cancelled; %n paper translated before it stopped.</numerusform>
            <numerusform>Translation cancelled; %n papers translated before it stopped.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more</source>
        <translation>
            <numerusform>%n more paper</numerusform>
            <numerusform>%n more papers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Translated %n papers with %1.</source>
        <translation>
            <numerusform>Translated %n paper with %1.</numerusform>
            <numerusform>Translated %n papers with %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>paperboy::RankController</name>
    <message numerus="yes">
        <source>Not interested: %n papers. Undo with Ctrl+Z.</source>
        <translation>
            <numerusform>Not interested: %n paper. Undo with Ctrl+Z.</numerusform>
            <numerusform>Not interested: %n papers. Undo with Ctrl+Z.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Undone: %n papers back.</source>
        <translation>
            <numerusform>Undone: %n paper back.</numerusform>
            <numerusform>Undone: %n papers back.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>paperboy::FollowButton</name>
    <message numerus="yes">
        <source>Following %n authors</source>
        <translation>
            <numerusform>Following %n author</numerusform>
            <numerusform>Following %n authors</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>paperboy::PdfLine</name>
    <message numerus="yes">
        <source>PDF kept offline: %n pages, %1.</source>
        <translation>
            <numerusform>PDF kept offline: %n page, %1.</numerusform>
            <numerusform>PDF kept offline: %n pages, %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>paperboy::WindowSync</name>
    <message numerus="yes">
        <source>Synced with %1: %n change sent</source>
        <translation>
            <numerusform>Synced with %1: %n change sent</numerusform>
            <numerusform>Synced with %1: %n changes sent</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n change received</source>
        <translation>
            <numerusform>, %n change received</numerusform>
            <numerusform>, %n changes received</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n item edited on both sides (the newer kept; notes keep both texts)</source>
        <translation>
            <numerusform>, %n item edited on both sides (the newer kept; notes keep both texts)</numerusform>
            <numerusform>, %n items edited on both sides (the newer kept; notes keep both texts)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>paperboy::ZoteroController</name>
    <message numerus="yes">
        <source>Saved %n papers to Zotero.</source>
        <translation>
            <numerusform>Saved %n paper to Zotero.</numerusform>
            <numerusform>Saved %n papers to Zotero.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Saving %n papers to Zotero…</source>
        <translation>
            <numerusform>Saving %n paper to Zotero…</numerusform>
            <numerusform>Saving %n papers to Zotero…</numerusform>
        </translation>
    </message>
</context>
</TS>

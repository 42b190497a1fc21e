// TeX math conversion runs over every title and abstract the window shows and the index
// holds: segments found in any text, any TeX converted or refused, never a crash or a hang.

#include "core/tex_math.h"
#include "fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace paperboy;
    const QString text = QString::fromUtf8(fuzz::bytesOf(data, size));

    qsizetype previousEnd = 0;
    const QList<TexMathSegment> segments = texMathSegments(text);
    for (const TexMathSegment &segment : segments) {
        fuzz::check(segment.start >= previousEnd, "overlapping or unordered segments");
        fuzz::check(segment.start < segment.innerStart && segment.innerStart < segment.innerEnd &&
                        segment.innerEnd < segment.end && segment.end <= text.size(),
                    "a segment outside its text or without content");
        previousEnd = segment.end;
    }

    const QString plain = texMathToPlainText(text);
    const QList<TextRun> runs = texMathRuns(text);
    if (segments.isEmpty()) {
        fuzz::check(plain == text, "text without math changed");
        fuzz::check(plainTextOfRuns(runs) == text, "runs of text without math differ from it");
    }
    for (const TextRun &run : runs)
        fuzz::check(!run.text.isEmpty(), "an empty run");

    const TexMathConversion whole = convertTexMath(text);
    fuzz::check(whole.complete || whole.runs.isEmpty(), "runs of a refused conversion");
    texMathSearchText(text);
    spellMathSymbols(text);
    return 0;
}

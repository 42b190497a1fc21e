<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
    <context>
        <name>paperboy::AddController</name>
        <message>
            <location filename="../../ui/desk/add_controller.cpp" line="59" />
            <source>Nothing to add: the clipboard holds no arXiv id or link.</source>
            <translation>没有可添加的论文：剪贴板里没有 arXiv 编号或链接。</translation>
        </message>
        <message>
            <location filename="../../ui/desk/add_controller.cpp" line="60" />
            <source>Nothing to add: “%1” is not an arXiv paper (an id like 2401.01234, or an arxiv.org, alphaxiv.org or huggingface.co/papers link).</source>
            <translation>没有可添加的论文：“%1”不是 arXiv 论文（应为 2401.01234 这样的编号，或 arxiv.org、alphaxiv.org、huggingface.co/papers 的链接）。</translation>
        </message>
        <message>
            <location filename="../../ui/desk/add_controller.cpp" line="68" />
            <source>Still adding the papers pasted before; try again in a moment.</source>
            <translation>仍在添加之前粘贴的论文，请稍后再试。</translation>
        </message>
        <message>
            <location filename="../../ui/desk/add_controller.cpp" line="80" />
            <source>Adding papers: asking arXiv (%1 of %2)…</source>
            <translation>正在添加论文：向 arXiv 查询（%1/%2）…</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/desk/add_controller.cpp" line="85" />
            <source>Adding %n paper(s)…</source>
            <translation>
                <numerusform>正在添加 %n 篇论文…</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/desk/add_controller.cpp" line="94" />
            <source>unknown to arXiv: %1</source>
            <translation>arXiv 上没有：%1</translation>
        </message>
        <message>
            <location filename="../../ui/desk/add_controller.cpp" line="97" />
            <source>arXiv could not be reached for %1</source>
            <translation>无法连接 arXiv，未能获取 %1</translation>
        </message>
        <message>
            <location filename="../../ui/desk/add_controller.cpp" line="99" />
            <source>not fetched: %1 (%2)</source>
            <translation>未能获取：%1（%2）</translation>
        </message>
        <message>
            <location filename="../../ui/desk/add_controller.cpp" line="103" />
            <source>not arXiv papers: %1</source>
            <translation>不是 arXiv 论文：%1</translation>
        </message>
        <message>
            <location filename="../../ui/desk/add_controller.cpp" line="105" />
            <source>Nothing added: %1.</source>
            <translation>没有添加任何论文：%1。</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/desk/add_controller.cpp" line="120" />
            <source>Added %n paper(s).</source>
            <translation>
                <numerusform>已添加 %n 篇论文。</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/desk/add_controller.cpp" line="122" />
            <source>Not added: %1.</source>
            <translation>未添加：%1。</translation>
        </message>
    </context>
    <context>
        <name>paperboy::AiSummaryView</name>
        <message>
            <location filename="../../ui/detail/ai_summary_view.cpp" line="33" />
            <source>TL;DR (AI summary)</source>
            <translation>一句话总结（AI 摘要）</translation>
        </message>
        <message>
            <location filename="../../ui/detail/ai_summary_view.cpp" line="50" />
            <source>TL;DR</source>
            <translation>一句话总结</translation>
        </message>
        <message>
            <location filename="../../ui/detail/ai_summary_view.cpp" line="51" />
            <source>Motivation</source>
            <translation>研究动机</translation>
        </message>
        <message>
            <location filename="../../ui/detail/ai_summary_view.cpp" line="52" />
            <source>Method</source>
            <translation>方法</translation>
        </message>
        <message>
            <location filename="../../ui/detail/ai_summary_view.cpp" line="53" />
            <source>Result</source>
            <translation>结果</translation>
        </message>
        <message>
            <location filename="../../ui/detail/ai_summary_view.cpp" line="54" />
            <source>Conclusion</source>
            <translation>结论</translation>
        </message>
        <message>
            <location filename="../../ui/detail/ai_summary_view.cpp" line="55" />
            <source>Keywords</source>
            <translation>关键词</translation>
        </message>
        <message>
            <location filename="../../ui/detail/ai_summary_view.cpp" line="98" />
            <source>written by a language model; check against the abstract</source>
            <translation>由语言模型生成，请对照摘要核实</translation>
        </message>
        <message>
            <location filename="../../ui/detail/ai_summary_view.cpp" line="100" />
            <source>中文 · written by a language model; check against the abstract</source>
            <translation>中文 · 由语言模型生成，请对照摘要核实</translation>
        </message>
    </context>
    <context>
        <name>paperboy::DayTreeModel</name>
        <message>
            <location filename="../../ui/sidebar/day_tree_model.cpp" line="253" />
            <source>%1</source>
            <comment>a year in the day tree</comment>
            <translation>%1年</translation>
        </message>
        <message>
            <location filename="../../ui/sidebar/day_tree_model.cpp" line="259" />
            <source>%1 %2</source>
            <comment>a day in the day tree: short weekday name, day of the month</comment>
            <translation>%2日 %1</translation>
        </message>
        <message>
            <location filename="../../ui/sidebar/day_tree_model.cpp" line="263" />
            <source>%1 · repeat</source>
            <comment>the day repeats the listing of an earlier day</comment>
            <translation>%1 · 重复</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/sidebar/day_tree_model.cpp" line="289" />
            <location filename="../../ui/sidebar/day_tree_model.cpp" line="295" />
            <source>%n papers, %1 unread</source>
            <translation>
                <numerusform>%n 篇论文，%1 篇未读</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/sidebar/day_tree_model.cpp" line="292" />
            <source>No listing stored for this day.</source>
            <translation>这一天没有保存的列表。</translation>
        </message>
        <message>
            <location filename="../../ui/sidebar/day_tree_model.cpp" line="298" />
            <source>From: %1</source>
            <translation>来源：%1</translation>
        </message>
        <message>
            <location filename="../../ui/sidebar/day_tree_model.cpp" line="301" />
            <source>The source repeated the listing of %1.</source>
            <translation>来源重复了 %1 的列表。</translation>
        </message>
        <message>
            <location filename="../../ui/sidebar/day_tree_model.cpp" line="354" />
            <source>Day</source>
            <translation>日期</translation>
        </message>
        <message>
            <location filename="../../ui/sidebar/day_tree_model.cpp" line="356" />
            <source>Unread</source>
            <translation>未读</translation>
        </message>
        <message>
            <location filename="../../ui/sidebar/day_tree_model.cpp" line="358" />
            <source>Papers</source>
            <translation>论文</translation>
        </message>
    </context>
    <context>
        <name>paperboy::DesktopNotifier</name>
        <message>
            <location filename="../../ui/notify/desktop_notifier.cpp" line="74" />
            <source>no D-Bus session bus</source>
            <translation>没有 D-Bus 会话总线</translation>
        </message>
        <message>
            <location filename="../../ui/notify/desktop_notifier.cpp" line="87" />
            <source>Open</source>
            <translation>打开</translation>
        </message>
    </context>
    <context>
        <name>paperboy::DetailPane</name>
        <message>
            <location filename="../../ui/detail/detail_pane.cpp" line="128" />
            <source>TeX</source>
            <translation>TeX 源码</translation>
        </message>
        <message>
            <location filename="../../ui/detail/detail_pane.cpp" line="130" />
            <source>Select a paper to read it here.</source>
            <translation>选择一篇论文，在此阅读。</translation>
        </message>
        <message>
            <location filename="../../ui/detail/detail_pane.cpp" line="178" />
            <source>arXiv page</source>
            <translation>arXiv 页面</translation>
        </message>
        <message>
            <location filename="../../ui/detail/detail_pane.cpp" line="184" />
            <source>Project Page</source>
            <translation>项目主页</translation>
        </message>
        <message>
            <location filename="../../ui/detail/detail_pane.cpp" line="210" />
            <source>Copy Link</source>
            <translation>复制链接</translation>
        </message>
        <message>
            <location filename="../../ui/detail/detail_pane.cpp" line="211" />
            <source>link</source>
            <translation>链接</translation>
        </message>
        <message>
            <location filename="../../ui/detail/detail_pane.cpp" line="213" />
            <source>Copy arXiv ID</source>
            <translation>复制 arXiv ID</translation>
        </message>
        <message>
            <location filename="../../ui/detail/detail_pane.cpp" line="214" />
            <source>arXiv ID</source>
            <translation>arXiv ID</translation>
        </message>
        <message>
            <location filename="../../ui/detail/detail_pane.cpp" line="226" />
            <source>Abstract</source>
            <translation>摘要</translation>
        </message>
        <message>
            <location filename="../../ui/detail/detail_pane.cpp" line="230" />
            <source>English</source>
            <translation>英文</translation>
        </message>
        <message>
            <location filename="../../ui/detail/detail_pane.cpp" line="232" />
            <source>Side by side</source>
            <translation>中英对照</translation>
        </message>
        <message>
            <location filename="../../ui/detail/detail_pane.cpp" line="234" />
            <source>Abstract language</source>
            <translation>摘要语言</translation>
        </message>
        <message>
            <location filename="../../ui/detail/detail_pane.cpp" line="259" />
            <source>Notes</source>
            <translation>笔记</translation>
        </message>
        <message>
            <location filename="../../ui/detail/detail_pane.cpp" line="269" />
            <source>&amp;Tags:</source>
            <translation>标签(&amp;T)：</translation>
        </message>
        <message>
            <location filename="../../ui/detail/detail_pane.cpp" line="272" />
            <source>comma-separated, e.g. diffusion, to-read</source>
            <translation>用逗号分隔，例如：diffusion, 待读</translation>
        </message>
        <message>
            <location filename="../../ui/detail/detail_pane.cpp" line="316" />
            <source>%1 #%2 (%3)</source>
            <comment>digest date, position in the digest, digest source</comment>
            <translation>%1 第 %2 篇（%3）</translation>
        </message>
        <message>
            <location filename="../../ui/detail/detail_pane.cpp" line="322" />
            <source>Comment: %1</source>
            <translation>备注：%1</translation>
        </message>
        <message>
            <location filename="../../ui/detail/detail_pane.cpp" line="324" />
            <source>Journal ref: %1</source>
            <translation>期刊引用：%1</translation>
        </message>
        <message>
            <location filename="../../ui/detail/detail_pane.cpp" line="328" />
            <source>No code link known</source>
            <translation>暂无代码链接</translation>
        </message>
        <message>
            <location filename="../../ui/detail/detail_pane.cpp" line="334" />
            <source>Code link (not a web link, not opened): %1</source>
            <translation>代码链接（不是网页链接，未打开）：%1</translation>
        </message>
        <message>
            <location filename="../../ui/detail/detail_pane.cpp" line="336" />
            <source>Code: %1</source>
            <translation>代码：%1</translation>
        </message>
        <message>
            <location filename="../../ui/detail/detail_pane.cpp" line="343" />
            <source>Code ★ %1</source>
            <translation>代码 ★ %1</translation>
        </message>
        <message>
            <location filename="../../ui/detail/detail_pane.cpp" line="435" />
            <source>Starred (S to remove the star)</source>
            <translation>已收藏（按 S 取消收藏）</translation>
        </message>
        <message>
            <location filename="../../ui/detail/detail_pane.cpp" line="435" />
            <source>Star this paper (S)</source>
            <translation>收藏这篇论文（S）</translation>
        </message>
        <message>
            <location filename="../../ui/detail/detail_pane.cpp" line="436" />
            <source>Starred</source>
            <translation>已收藏</translation>
        </message>
        <message>
            <location filename="../../ui/detail/detail_pane.cpp" line="436" />
            <source>Not starred</source>
            <translation>未收藏</translation>
        </message>
        <message>
            <location filename="../../ui/detail/detail_pane.cpp" line="458" />
            <source>No Chinese abstract in this digest; showing the English one.</source>
            <translation>此速递没有中文摘要，显示英文摘要。</translation>
        </message>
        <message>
            <location filename="../../ui/detail/detail_pane.cpp" line="460" />
            <source>No English abstract known yet; showing the digest's Chinese one.</source>
            <translation>暂无英文摘要，显示速递中的中文摘要。</translation>
        </message>
        <message>
            <location filename="../../ui/detail/detail_pane.cpp" line="462" />
            <source>No abstract known yet.</source>
            <translation>暂无摘要。</translation>
        </message>
        <message>
            <location filename="../../ui/detail/detail_pane.cpp" line="183" />
            <location filename="../../ui/detail/detail_pane.cpp" line="345" />
            <source>Code</source>
            <translation>代码</translation>
        </message>
        <message>
            <location filename="../../ui/detail/detail_pane.cpp" line="190" />
            <source>More Like This</source>
            <translation>更多类似论文</translation>
        </message>
        <message>
            <location filename="../../ui/detail/detail_pane.cpp" line="192" />
            <source>Papers ranked by how much they read like this one</source>
            <translation>按与本文的相似程度排序的论文</translation>
        </message>
        <message>
            <location filename="../../ui/detail/detail_pane.cpp" line="332" />
            <source>For you because of: %1</source>
            <translation>推荐理由：%1</translation>
        </message>
        <message>
            <source>★ New code link: %1</source>
            <translation>★ 新的代码链接：%1</translation>
        </message>
    </context>
    <context>
        <name>paperboy::EmptyState</name>
        <message>
            <location filename="../../ui/window/empty_state.cpp" line="35" />
            <source>No digests yet</source>
            <translation>还没有速递</translation>
        </message>
        <message>
            <location filename="../../ui/window/empty_state.cpp" line="50" />
            <source>Paperboy shows daily arXiv digests: one day at a time, English and Chinese side by side, with your stars and notes.

Import a digest file you have (plain text, HTML, JSON Lines, arXiv RSS or API exports), drop files onto this window, or fetch today's listing from arXiv.

Press F1 to see the keyboard shortcuts.</source>
            <translation>Paperboy 按天展示 arXiv 每日速递：一次一天，中英文对照，并保留您的收藏和笔记。

导入手头的速递文件（纯文本、HTML、JSON Lines、arXiv RSS 或 API 导出），把文件拖到此窗口，或者从 arXiv 获取今天的列表。

按 F1 查看键盘快捷键。</translation>
        </message>
        <message>
            <location filename="../../ui/window/empty_state.cpp" line="82" />
            <source>Cannot open the library</source>
            <translation>无法打开论文库</translation>
        </message>
    </context>
    <context>
        <name>paperboy::ExportController</name>
        <message>
            <location filename="../../ui/export/export_controller.cpp" line="55" />
            <source>No paper selected.</source>
            <translation>未选择论文。</translation>
        </message>
        <message>
            <location filename="../../ui/export/export_controller.cpp" line="64" />
            <source>Copied the %1 of %2.</source>
            <translation>已复制 %2 的 %1。</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/export/export_controller.cpp" line="66" />
            <source>Copied the %1 of %n papers.</source>
            <translation>
                <numerusform>已复制 %n 篇论文的 %1。</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/export/export_controller.cpp" line="84" />
            <source>Exporting %1…</source>
            <translation>正在导出%1…</translation>
        </message>
        <message>
            <location filename="../../ui/export/export_controller.cpp" line="105" />
            <source>Export failed: %1</source>
            <translation>导出失败：%1</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/export/export_controller.cpp" line="108" />
            <source>Exported %n papers to %1.</source>
            <translation>
                <numerusform>已将 %n 篇论文导出到 %1。</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/export/export_controller.cpp" line="111" />
            <source>Papers tagged but not in the library, left out: %1.</source>
            <translation>有标签但不在论文库中的论文已略过：%1。</translation>
        </message>
        <message>
            <location filename="../../ui/export/export_controller.cpp" line="123" />
            <source>Back Up User Data</source>
            <translation>备份用户数据</translation>
        </message>
        <message>
            <location filename="../../ui/export/export_controller.cpp" line="124" />
            <location filename="../../ui/export/export_controller.cpp" line="166" />
            <source>Paperboy backup (*.json);;All files (*)</source>
            <translation>Paperboy 备份 (*.json);;所有文件 (*)</translation>
        </message>
        <message>
            <location filename="../../ui/export/export_controller.cpp" line="151" />
            <source>Backup failed: %1</source>
            <translation>备份失败：%1</translation>
        </message>
        <message>
            <location filename="../../ui/export/export_controller.cpp" line="154" />
            <source>Backed up the user data (papers: %1, saved searches: %2) to %3.</source>
            <translation>已将用户数据（论文：%1，已保存的搜索：%2）备份到 %3。</translation>
        </message>
        <message>
            <location filename="../../ui/export/export_controller.cpp" line="165" />
            <location filename="../../ui/export/export_controller.cpp" line="170" />
            <source>Restore User Data</source>
            <translation>恢复用户数据</translation>
        </message>
        <message>
            <location filename="../../ui/export/export_controller.cpp" line="171" />
            <source>Merge the stars, read marks, notes, tags and saved searches of
%1
into this library?

Nothing is deleted: tags are combined, and where both changed a field the newer change wins.</source>
            <translation>要将
%1
中的收藏、已读标记、笔记、标签和已保存的搜索合并到当前论文库吗？

不会删除任何内容：标签会合并；若两边都修改了同一字段，以较新的修改为准。</translation>
        </message>
        <message>
            <location filename="../../ui/export/export_controller.cpp" line="184" />
            <source>Restoring user data from %1…</source>
            <translation>正在从 %1 恢复用户数据…</translation>
        </message>
        <message>
            <location filename="../../ui/export/export_controller.cpp" line="189" />
            <source>Restore failed: %1</source>
            <translation>恢复失败：%1</translation>
        </message>
        <message>
            <location filename="../../ui/export/export_controller.cpp" line="192" />
            <source>Restored user data from %1.</source>
            <translation>已从 %1 恢复用户数据。</translation>
        </message>
        <message>
            <location filename="../../ui/export/export_controller.cpp" line="205" />
            <source>Papers with new user data: %1</source>
            <translation>新增用户数据的论文：%1</translation>
        </message>
        <message>
            <location filename="../../ui/export/export_controller.cpp" line="206" />
            <source>Papers updated: %1</source>
            <translation>已更新的论文：%1</translation>
        </message>
        <message>
            <location filename="../../ui/export/export_controller.cpp" line="207" />
            <source>Papers unchanged: %1</source>
            <translation>未改变的论文：%1</translation>
        </message>
        <message>
            <location filename="../../ui/export/export_controller.cpp" line="208" />
            <source>Fields taken from the backup: %1</source>
            <translation>采用备份中的字段：%1</translation>
        </message>
        <message>
            <location filename="../../ui/export/export_controller.cpp" line="209" />
            <source>Tags added: %1</source>
            <translation>新增标签：%1</translation>
        </message>
        <message>
            <location filename="../../ui/export/export_controller.cpp" line="210" />
            <source>Saved searches added: %1, replaced: %2</source>
            <translation>已保存的搜索：新增 %1，替换 %2</translation>
        </message>
        <message>
            <location filename="../../ui/export/export_controller.cpp" line="213" />
            <source>Conflicts: %1</source>
            <translation>冲突：%1</translation>
        </message>
        <message>
            <location filename="../../ui/export/export_controller.cpp" line="216" />
            <source>%1 %2: library "%3" (%4), backup "%5" (%6); kept the %7</source>
            <translation>%1 %2：论文库为“%3”（%4），备份为“%5”（%6）；保留了%7</translation>
        </message>
        <message>
            <location filename="../../ui/export/export_controller.cpp" line="219" />
            <source>backup's</source>
            <translation>备份中的值</translation>
        </message>
        <message>
            <location filename="../../ui/export/export_controller.cpp" line="219" />
            <source>library's</source>
            <translation>论文库中的值</translation>
        </message>
        <message>
            <location filename="../../ui/export/export_controller.cpp" line="220" />
            <source>User Data Restored</source>
            <translation>用户数据已恢复</translation>
        </message>
        <message>
            <location filename="../../ui/export/export_controller.cpp" line="221" />
            <source>Merged %1 into the library.</source>
            <translation>已将 %1 合并到论文库。</translation>
        </message>
        <message>
            <location filename="../../ui/export/export_controller.cpp" line="243" />
            <source>Automatic backup failed: %1</source>
            <translation>自动备份失败：%1</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/export/export_controller.cpp" line="131" />
            <source>Wrote %n notes to %1: %2 new, %3 updated, %4 unchanged.</source>
            <translation>
                <numerusform>已将 %n 篇笔记写入 %1：新建 %2 篇，更新 %3 篇，未变 %4 篇。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/export/export_controller.cpp" line="141" />
            <source>%n files without Paperboy's marker line were left alone.</source>
            <translation>
                <numerusform>%n 个文件没有 Paperboy 的标记行，未作改动。</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>paperboy::ExportDialog</name>
        <message>
            <location filename="../../ui/export/export_dialog.cpp" line="25" />
            <source>Export Papers</source>
            <translation>导出论文</translation>
        </message>
        <message>
            <location filename="../../ui/export/export_dialog.cpp" line="31" />
            <source>This day (%1)</source>
            <translation>当天（%1）</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/export/export_dialog.cpp" line="33" />
            <source>Selected papers (%n)</source>
            <translation>
                <numerusform>选中的论文（%n）</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/export/export_dialog.cpp" line="35" />
            <source>Starred papers</source>
            <translation>已收藏的论文</translation>
        </message>
        <message>
            <location filename="../../ui/export/export_dialog.cpp" line="37" />
            <source>Papers tagged</source>
            <translation>带标签的论文</translation>
        </message>
        <message>
            <location filename="../../ui/export/export_dialog.cpp" line="39" />
            <source>This search (%1)</source>
            <translation>当前搜索（%1）</translation>
        </message>
        <message>
            <location filename="../../ui/export/export_dialog.cpp" line="58" />
            <source>Markdown reading list</source>
            <translation>Markdown 阅读清单</translation>
        </message>
        <message>
            <location filename="../../ui/export/export_dialog.cpp" line="61" />
            <source>English and Chinese</source>
            <translation>中英文对照</translation>
        </message>
        <message>
            <location filename="../../ui/export/export_dialog.cpp" line="63" />
            <source>Markdown: add the Chinese title and abstract where a digest gave them</source>
            <translation>Markdown：若速递提供了中文标题和摘要，一并加入</translation>
        </message>
        <message>
            <location filename="../../ui/export/export_dialog.cpp" line="70" />
            <source>Browse…</source>
            <translation>浏览…</translation>
        </message>
        <message>
            <location filename="../../ui/export/export_dialog.cpp" line="78" />
            <source>Papers:</source>
            <translation>论文：</translation>
        </message>
        <message>
            <location filename="../../ui/export/export_dialog.cpp" line="79" />
            <source>Tag:</source>
            <translation>标签：</translation>
        </message>
        <message>
            <location filename="../../ui/export/export_dialog.cpp" line="80" />
            <source>Format:</source>
            <translation>格式：</translation>
        </message>
        <message>
            <location filename="../../ui/export/export_dialog.cpp" line="82" />
            <source>File:</source>
            <translation>文件：</translation>
        </message>
        <message>
            <location filename="../../ui/export/export_dialog.cpp" line="85" />
            <location filename="../../ui/export/export_dialog.cpp" line="199" />
            <source>Export</source>
            <translation>导出</translation>
        </message>
        <message>
            <location filename="../../ui/export/export_dialog.cpp" line="150" />
            <source>Export To</source>
            <translation>导出到</translation>
        </message>
        <message>
            <location filename="../../ui/export/export_dialog.cpp" line="152" />
            <source>All files</source>
            <translation>所有文件</translation>
        </message>
        <message>
            <location filename="../../ui/export/export_dialog.cpp" line="169" />
            <source>the papers of %1</source>
            <translation>%1 的论文</translation>
        </message>
        <message>
            <location filename="../../ui/export/export_dialog.cpp" line="173" />
            <source>the selected papers</source>
            <translation>选中的论文</translation>
        </message>
        <message>
            <location filename="../../ui/export/export_dialog.cpp" line="177" />
            <source>the starred papers</source>
            <translation>已收藏的论文</translation>
        </message>
        <message>
            <location filename="../../ui/export/export_dialog.cpp" line="181" />
            <source>the papers tagged %1</source>
            <translation>标签为 %1 的论文</translation>
        </message>
        <message>
            <location filename="../../ui/export/export_dialog.cpp" line="185" />
            <source>the search results</source>
            <translation>搜索结果</translation>
        </message>
        <message>
            <location filename="../../ui/export/export_dialog.cpp" line="200" />
            <source>The folder %1 does not exist.</source>
            <translation>文件夹 %1 不存在。</translation>
        </message>
        <message>
            <location filename="../../ui/export/export_dialog.cpp" line="68" />
            <source>Markdown notes, one file per paper (Obsidian, Logseq)</source>
            <translation>Markdown 笔记，每篇论文一个文件（Obsidian、Logseq）</translation>
        </message>
        <message>
            <location filename="../../ui/export/export_dialog.cpp" line="70" />
            <source>A note per paper in the chosen folder: front matter and your note are rewritten by the next export, your own text below the marker line is kept</source>
            <translation>在所选文件夹中为每篇论文写一篇笔记：前置元数据和你的笔记会在下次导出时重写，标记行以下你自己写的内容保持不变</translation>
        </message>
        <message>
            <location filename="../../ui/export/export_dialog.cpp" line="166" />
            <source>Folder:</source>
            <translation>文件夹：</translation>
        </message>
        <message>
            <location filename="../../ui/export/export_dialog.cpp" line="186" />
            <source>Export Notes To Folder</source>
            <translation>将笔记导出到文件夹</translation>
        </message>
        <message>
            <location filename="../../ui/export/export_dialog.cpp" line="247" />
            <source>%1 is a file: Markdown notes need a folder.</source>
            <translation>%1 是一个文件：Markdown 笔记需要一个文件夹。</translation>
        </message>
    </context>
    <context>
        <name>paperboy::FetchController</name>
        <message>
            <location filename="../../ui/fetch/fetch_controller.cpp" line="30" />
            <source>Fetch: %1</source>
            <translation>获取：%1</translation>
        </message>
        <message>
            <location filename="../../ui/fetch/fetch_controller.cpp" line="40" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <location filename="../../ui/fetch/fetch_controller.cpp" line="41" />
            <source>Stop fetching after the request in progress; what arrived is kept</source>
            <translation>当前请求完成后停止获取；已收到的内容会保留</translation>
        </message>
        <message>
            <location filename="../../ui/fetch/fetch_controller.cpp" line="175" />
            <location filename="../../ui/fetch/fetch_controller.cpp" line="225" />
            <source>A fetch is already running.</source>
            <translation>已有获取任务在运行。</translation>
        </message>
        <message>
            <location filename="../../ui/fetch/fetch_controller.cpp" line="192" />
            <source>Checking your papers for new versions…</source>
            <translation>正在检查你的论文是否有新版本…</translation>
        </message>
        <message>
            <location filename="../../ui/fetch/fetch_controller.cpp" line="194" />
            <source>Fetching %1 to %2…</source>
            <translation>正在获取 %1 至 %2…</translation>
        </message>
        <message>
            <location filename="../../ui/fetch/fetch_controller.cpp" line="196" />
            <source>Fetching today's listing…</source>
            <translation>正在获取今天的列表…</translation>
        </message>
        <message>
            <location filename="../../ui/fetch/fetch_controller.cpp" line="244" />
            <source>Cancelling the fetch after the request in progress…</source>
            <translation>当前请求完成后将取消获取…</translation>
        </message>
        <message>
            <location filename="../../ui/fetch/fetch_controller.cpp" line="258" />
            <source>%v of %m</source>
            <translation>%v / %m</translation>
        </message>
        <message>
            <location filename="../../ui/fetch/fetch_controller.cpp" line="261" />
            <source>Fetching %1…</source>
            <translation>正在获取 %1…</translation>
        </message>
        <message>
            <location filename="../../ui/fetch/fetch_controller.cpp" line="262" />
            <source>Fetching %1 (%2 of %3)…</source>
            <translation>正在获取 %1（第 %2 / %3 项）…</translation>
        </message>
        <message>
            <location filename="../../ui/fetch/fetch_controller.cpp" line="270" />
            <source>Fetch cancelled; papers stored before: %1.</source>
            <translation>获取已取消；此前已保存的论文：%1。</translation>
        </message>
        <message>
            <location filename="../../ui/fetch/fetch_controller.cpp" line="272" />
            <location filename="../../ui/fetch/fetch_controller.cpp" line="285" />
            <source>Fetch failed: %1</source>
            <translation>获取失败：%1</translation>
        </message>
        <message>
            <location filename="../../ui/fetch/fetch_controller.cpp" line="274" />
            <source>Offline: Paperboy will fetch when the network is back.</source>
            <translation>离线：网络恢复后 Paperboy 会自动获取。</translation>
        </message>
        <message>
            <location filename="../../ui/fetch/fetch_controller.cpp" line="286" />
            <source>Fetch finished with problems: %1</source>
            <translation>获取完成，但有问题：%1</translation>
        </message>
        <message>
            <location filename="../../ui/fetch/fetch_controller.cpp" line="289" />
            <source>No new versions of your papers.</source>
            <translation>你的论文没有新版本。</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/fetch/fetch_controller.cpp" line="290" />
            <source>%n of your papers have a new version.</source>
            <translation>
                <numerusform>%n 篇论文有新版本。</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/fetch/fetch_controller.cpp" line="293" />
            <source>Today's listing is unchanged since the last fetch.</source>
            <translation>今天的列表自上次获取以来没有变化。</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/fetch/fetch_controller.cpp" line="294" />
            <source>Fetched %n papers.</source>
            <translation>
                <numerusform>已获取 %n 篇论文。</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>paperboy::FetchDialog</name>
        <message>
            <location filename="../../ui/fetch/fetch_dialog.cpp" line="22" />
            <source>Fetch Days</source>
            <translation>获取指定日期</translation>
        </message>
        <message>
            <location filename="../../ui/fetch/fetch_dialog.cpp" line="36" />
            <source>e.g. cs.CV cs.LG</source>
            <translation>例如：cs.CV cs.LG</translation>
        </message>
        <message>
            <location filename="../../ui/fetch/fetch_dialog.cpp" line="38" />
            <source>Fetch days the library already has complete again</source>
            <translation>重新获取论文库中已完整的日期</translation>
        </message>
        <message>
            <location filename="../../ui/fetch/fetch_dialog.cpp" line="48" />
            <source>Past days come from the arXiv API, a few seconds apart per request as arXiv asks; a month of one category takes about two minutes.</source>
            <translation>往日的列表来自 arXiv API，按 arXiv 的要求每次请求间隔几秒；一个分类一个月的数据大约需要两分钟。</translation>
        </message>
        <message>
            <location filename="../../ui/fetch/fetch_dialog.cpp" line="56" />
            <source>From:</source>
            <translation>从：</translation>
        </message>
        <message>
            <location filename="../../ui/fetch/fetch_dialog.cpp" line="57" />
            <source>To:</source>
            <translation>到：</translation>
        </message>
        <message>
            <location filename="../../ui/fetch/fetch_dialog.cpp" line="58" />
            <source>Categories:</source>
            <translation>分类：</translation>
        </message>
        <message>
            <location filename="../../ui/fetch/fetch_dialog.cpp" line="61" />
            <source>Fetch</source>
            <translation>获取</translation>
        </message>
        <message>
            <location filename="../../ui/fetch/fetch_dialog.cpp" line="100" />
            <source>Name at least one category.</source>
            <translation>请至少填写一个分类。</translation>
        </message>
    </context>
    <context>
        <name>paperboy::FetchStatus</name>
        <message>
            <location filename="../../ui/fetch/fetch_status.cpp" line="36" />
            <source>arXiv announces new papers on Sunday to Thursday evenings (US Eastern time); %1 has no listing.</source>
            <translation>arXiv 在周日至周四晚间（美国东部时间）公布新论文；%1 没有列表。</translation>
        </message>
        <message>
            <location filename="../../ui/fetch/fetch_status.cpp" line="42" />
            <source>arXiv made no announcement on the evening of %1 (%2).</source>
            <translation>arXiv 在 %1 晚间没有公布新论文（%2）。</translation>
        </message>
        <message>
            <location filename="../../ui/fetch/fetch_status.cpp" line="51" />
            <source>The next listing is announced %1.</source>
            <translation>下一次列表将于 %1 公布。</translation>
        </message>
        <message>
            <location filename="../../ui/fetch/fetch_status.cpp" line="58" />
            <location filename="../../ui/fetch/fetch_status.cpp" line="140" />
            <source>no announcement</source>
            <translation>无公布</translation>
        </message>
        <message>
            <location filename="../../ui/fetch/fetch_status.cpp" line="68" />
            <source>offline</source>
            <translation>离线</translation>
        </message>
        <message>
            <location filename="../../ui/fetch/fetch_status.cpp" line="69" />
            <source>No network connection. Paperboy fetches this day's listing as soon as the network is back.</source>
            <translation>没有网络连接。网络恢复后，Paperboy 会立即获取这一天的列表。</translation>
        </message>
        <message>
            <location filename="../../ui/fetch/fetch_status.cpp" line="124" />
            <source>failed</source>
            <translation>失败</translation>
        </message>
        <message>
            <location filename="../../ui/fetch/fetch_status.cpp" line="126" />
            <source>Fetching this day failed:</source>
            <translation>获取这一天失败：</translation>
        </message>
        <message>
            <location filename="../../ui/fetch/fetch_status.cpp" line="128" />
            <location filename="../../ui/fetch/fetch_status.cpp" line="170" />
            <source>Right-click the day and choose Fetch This Day Again.</source>
            <translation>右键单击该日期，选择“重新获取这一天”。</translation>
        </message>
        <message>
            <location filename="../../ui/fetch/fetch_status.cpp" line="132" />
            <source>incomplete</source>
            <translation>不完整</translation>
        </message>
        <message>
            <location filename="../../ui/fetch/fetch_status.cpp" line="134" />
            <source>Only part of this day's listing was fetched:</source>
            <translation>这一天的列表只获取了一部分：</translation>
        </message>
        <message>
            <location filename="../../ui/fetch/fetch_status.cpp" line="141" />
            <source>arXiv announced no new papers for this day.</source>
            <translation>arXiv 这一天没有公布新论文。</translation>
        </message>
        <message>
            <location filename="../../ui/fetch/fetch_status.cpp" line="165" />
            <source>not fetched</source>
            <translation>未获取</translation>
        </message>
        <message>
            <location filename="../../ui/fetch/fetch_status.cpp" line="167" />
            <source>The library has no listing for this day yet.</source>
            <translation>论文库中还没有这一天的列表。</translation>
        </message>
    </context>
    <context>
        <name>paperboy::ImportController</name>
        <message>
            <location filename="../../ui/fetch/import_controller.cpp" line="16" />
            <source>Import Digests</source>
            <translation>导入速递</translation>
        </message>
        <message>
            <location filename="../../ui/fetch/import_controller.cpp" line="17" />
            <source>Digests (*.txt *.html *.htm *.json *.jsonl *.xml);;All files (*)</source>
            <translation>速递文件 (*.txt *.html *.htm *.json *.jsonl *.xml);;所有文件 (*)</translation>
        </message>
        <message>
            <location filename="../../ui/fetch/import_controller.cpp" line="25" />
            <source>Importing %1…</source>
            <translation>正在导入 %1…</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/fetch/import_controller.cpp" line="26" />
            <source>Importing %n files…</source>
            <translation>
                <numerusform>正在导入 %n 个文件…</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/fetch/import_controller.cpp" line="45" />
            <source>Import failed: %1</source>
            <translation>导入失败：%1</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/fetch/import_controller.cpp" line="47" />
            <source>Imported %n files, %1.</source>
            <translation>
                <numerusform>已导入 %n 个文件，共 %1。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/fetch/import_controller.cpp" line="48" />
            <source>%n papers</source>
            <translation>
                <numerusform>%n 篇论文</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>paperboy::LinkPolicy</name>
        <message>
            <location filename="../../ui/common/link_policy.cpp" line="27" />
            <source>Not opening %1: only http and https links are opened.</source>
            <translation>未打开 %1：只打开 http 和 https 链接。</translation>
        </message>
        <message>
            <location filename="../../ui/common/link_policy.cpp" line="34" />
            <source>The desktop could not open %1.</source>
            <translation>桌面环境无法打开 %1。</translation>
        </message>
    </context>
    <context>
        <name>paperboy::ListController</name>
        <message>
            <location filename="../../ui/paperlist/list_controller.cpp" line="156" />
            <source>Could not read the list: %1</source>
            <translation>无法读取列表：%1</translation>
        </message>
        <message>
            <location filename="../../ui/paperlist/list_controller.cpp" line="158" />
            <location filename="../../ui/paperlist/list_controller.cpp" line="235" />
            <source>Search: %1</source>
            <translation>搜索：%1</translation>
        </message>
        <message>
            <location filename="../../ui/paperlist/list_controller.cpp" line="186" />
            <source>No listing stored for this day (%1).
Right-click the day and choose Fetch This Day Again.</source>
            <translation>这一天没有保存的列表（%1）。
右键单击该日期，选择“重新获取这一天”。</translation>
        </message>
        <message>
            <location filename="../../ui/paperlist/list_controller.cpp" line="192" />
            <source>No starred papers yet.
Press S on a paper to star it.</source>
            <translation>还没有收藏的论文。
选中论文后按 S 即可收藏。</translation>
        </message>
        <message>
            <location filename="../../ui/paperlist/list_controller.cpp" line="194" />
            <source>No notes yet.
Press N on a paper to write one.</source>
            <translation>还没有笔记。
选中论文后按 N 即可写笔记。</translation>
        </message>
        <message>
            <location filename="../../ui/paperlist/list_controller.cpp" line="196" />
            <source>Everything is read.</source>
            <translation>全部已读。</translation>
        </message>
        <message>
            <location filename="../../ui/paperlist/list_controller.cpp" line="198" />
            <source>No new versions you have not seen.
The papers you star, note or tag are checked after each day's listing.</source>
            <translation>没有未查看的新版本。
加星标、写笔记或打标签的论文会在每天的列表之后检查。</translation>
        </message>
        <message>
            <location filename="../../ui/paperlist/list_controller.cpp" line="201" />
            <source>No paper carries this tag any more.</source>
            <translation>已没有论文带有这个标签。</translation>
        </message>
        <message>
            <location filename="../../ui/paperlist/list_controller.cpp" line="204" />
            <source>No paper matches the search.</source>
            <translation>没有符合搜索条件的论文。</translation>
        </message>
        <message>
            <location filename="../../ui/paperlist/list_controller.cpp" line="206" />
            <source>None of these papers is in the library.</source>
            <translation>这些论文都不在论文库中。</translation>
        </message>
        <message>
            <location filename="../../ui/paperlist/list_controller.cpp" line="217" />
            <source>dddd d MMMM yyyy</source>
            <comment>QLocale date format of a day's heading</comment>
            <translation>yyyy年M月d日 dddd</translation>
        </message>
        <message>
            <location filename="../../ui/paperlist/list_controller.cpp" line="220" />
            <source>Starred</source>
            <translation>已收藏</translation>
        </message>
        <message>
            <location filename="../../ui/paperlist/list_controller.cpp" line="223" />
            <source>Annotated</source>
            <translation>有笔记</translation>
        </message>
        <message>
            <location filename="../../ui/paperlist/list_controller.cpp" line="226" />
            <source>Unread</source>
            <translation>未读</translation>
        </message>
        <message>
            <location filename="../../ui/paperlist/list_controller.cpp" line="229" />
            <source>Updated</source>
            <translation>有更新</translation>
        </message>
        <message>
            <location filename="../../ui/paperlist/list_controller.cpp" line="232" />
            <source>Tag: %1</source>
            <translation>标签：%1</translation>
        </message>
        <message>
            <location filename="../../ui/paperlist/list_controller.cpp" line="238" />
            <source>Saved search: %1</source>
            <translation>已保存的搜索：%1</translation>
        </message>
        <message>
            <location filename="../../ui/paperlist/list_controller.cpp" line="241" />
            <source>Chosen papers</source>
            <translation>所选论文</translation>
        </message>
        <message>
            <location filename="../../ui/paperlist/list_controller.cpp" line="247" />
            <source>%1 · best %2 papers (counting all matches…)</source>
            <translation>%1 · 最相关的 %2 篇（正在统计全部结果…）</translation>
        </message>
        <message>
            <location filename="../../ui/paperlist/list_controller.cpp" line="248" />
            <source>%1 · newest %2 papers (counting all matches…)</source>
            <translation>%1 · 最新的 %2 篇（正在统计全部结果…）</translation>
        </message>
        <message>
            <location filename="../../ui/paperlist/list_controller.cpp" line="251" />
            <source>%1 · best %2 of %3 papers</source>
            <translation>%1 · %3 篇中最相关的 %2 篇</translation>
        </message>
        <message>
            <location filename="../../ui/paperlist/list_controller.cpp" line="252" />
            <source>%1 · newest %2 of %3 papers</source>
            <translation>%1 · %3 篇中最新的 %2 篇</translation>
        </message>
        <message>
            <location filename="../../ui/paperlist/list_controller.cpp" line="254" />
            <source>%1 · 1 paper</source>
            <translation>%1 · 1 篇论文</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/paperlist/list_controller.cpp" line="254" />
            <source>%1 · %n papers</source>
            <translation>
                <numerusform>%1 · %n 篇论文</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/paperlist/list_controller.cpp" line="267" />
            <source>No newer digest.</source>
            <translation>没有更新的速递了。</translation>
        </message>
        <message>
            <location filename="../../ui/paperlist/list_controller.cpp" line="267" />
            <source>No older digest.</source>
            <translation>没有更早的速递了。</translation>
        </message>
        <message>
            <location filename="../../ui/paperlist/list_controller.cpp" line="277" />
            <source>Last paper of the list; ] goes to the next day.</source>
            <translation>已是列表中最后一篇；按 ] 转到下一天。</translation>
        </message>
        <message>
            <location filename="../../ui/paperlist/list_controller.cpp" line="278" />
            <source>First paper of the list; [ goes to the previous day.</source>
            <translation>已是列表中第一篇；按 [ 转到上一天。</translation>
        </message>
        <message>
            <location filename="../../ui/paperlist/list_controller.cpp" line="199" />
            <source>Nothing new for you in the last 7 days.
Star papers you liked: For You ranks the unread ones like them first.</source>
            <translation>最近 7 天没有新的推荐。
收藏喜欢的论文：“为你推荐”会把类似的未读论文排在前面。</translation>
        </message>
        <message>
            <location filename="../../ui/paperlist/list_controller.cpp" line="202" />
            <source>No papers by followed authors.
Follow an author from a paper's detail pane.</source>
            <translation>没有关注作者的论文。
可在论文详情面板中关注作者。</translation>
        </message>
        <message>
            <location filename="../../ui/paperlist/list_controller.cpp" line="205" />
            <source>No paper reads like this one.</source>
            <translation>没有与此相似的论文。</translation>
        </message>
        <message>
            <location filename="../../ui/paperlist/list_controller.cpp" line="246" />
            <source>For You</source>
            <translation>为你推荐</translation>
        </message>
        <message>
            <location filename="../../ui/paperlist/list_controller.cpp" line="249" />
            <source>Followed Authors</source>
            <translation>关注的作者</translation>
        </message>
        <message>
            <location filename="../../ui/paperlist/list_controller.cpp" line="252" />
            <source>More like %1</source>
            <translation>与 %1 类似</translation>
        </message>
        <message>
            <location filename="../../ui/paperlist/list_controller.cpp" line="216" />
            <source>No papers added yet.
Paste an arXiv link or id (Ctrl+V) or drop one on the window to add it.</source>
            <translation>还没有添加过论文。
粘贴 arXiv 链接或编号（Ctrl+V），或把链接拖到窗口上，即可添加。</translation>
        </message>
        <message>
            <location filename="../../ui/paperlist/list_controller.cpp" line="270" />
            <source>Added</source>
            <translation>已添加</translation>
        </message>
    </context>
    <context>
        <name>paperboy::MainWindow</name>
        <message>
            <location filename="../../ui/window/main_window.cpp" line="73" />
            <source>Not saved: %1</source>
            <translation>未保存：%1</translation>
        </message>
        <message>
            <location filename="../../ui/window/main_window.cpp" line="83" />
            <source>Upgrading the library to a new format (version %1 to %2). A large library takes a few minutes; a copy of the old one is kept.</source>
            <translation>正在将论文库升级到新格式（版本 %1 → %2）。论文库较大时需要几分钟；旧论文库会保留一份副本。</translation>
        </message>
        <message>
            <location filename="../../ui/window/main_window.cpp" line="88" />
            <source>Opening %1…</source>
            <translation>正在打开 %1…</translation>
        </message>
        <message>
            <location filename="../../ui/window/main_window.cpp" line="201" />
            <location filename="../../ui/window/main_window.cpp" line="252" />
            <source>link</source>
            <translation>链接</translation>
        </message>
        <message>
            <location filename="../../ui/window/main_window.cpp" line="240" />
            <source>arXiv page</source>
            <translation>arXiv 页面</translation>
        </message>
        <message>
            <location filename="../../ui/window/main_window.cpp" line="242" />
            <source>PDF</source>
            <translation>PDF</translation>
        </message>
        <message>
            <location filename="../../ui/window/main_window.cpp" line="245" />
            <source>No code link known for this paper.</source>
            <translation>这篇论文暂无代码链接。</translation>
        </message>
        <message>
            <location filename="../../ui/window/main_window.cpp" line="247" />
            <source>Not opening the code link: it is not a web link.</source>
            <translation>未打开代码链接：它不是网页链接。</translation>
        </message>
        <message>
            <location filename="../../ui/window/main_window.cpp" line="249" />
            <source>code link</source>
            <translation>代码链接</translation>
        </message>
        <message>
            <location filename="../../ui/window/main_window.cpp" line="254" />
            <source>arXiv ID</source>
            <translation>arXiv ID</translation>
        </message>
        <message>
            <location filename="../../ui/window/main_window.cpp" line="256" />
            <source>project page</source>
            <translation>项目主页</translation>
        </message>
        <message>
            <location filename="../../ui/window/main_window.cpp" line="337" />
            <source>Reloading…</source>
            <translation>正在重新加载…</translation>
        </message>
        <message>
            <location filename="../../ui/window/main_window.cpp" line="451" />
            <source>No papers in this list.</source>
            <translation>此列表中没有论文。</translation>
        </message>
        <message>
            <location filename="../../ui/window/main_window.cpp" line="452" />
            <source>Select a paper to read it here.</source>
            <translation>选择一篇论文，在此阅读。</translation>
        </message>
        <message>
            <location filename="../../ui/window/main_window.cpp" line="472" />
            <source>No %1 to open.</source>
            <translation>没有可打开的%1。</translation>
        </message>
        <message>
            <location filename="../../ui/window/main_window.cpp" line="474" />
            <source>Opened %1.</source>
            <translation>已打开 %1。</translation>
        </message>
        <message>
            <location filename="../../ui/window/main_window.cpp" line="484" />
            <source>Copied the %1: %2</source>
            <translation>已复制%1：%2</translation>
        </message>
        <message>
            <location filename="../../ui/window/main_window.cpp" line="522" />
            <source>About Paperboy</source>
            <translation>关于 Paperboy</translation>
        </message>
        <message>
            <location filename="../../ui/window/main_window.cpp" line="523" />
            <source>Paperboy %1
A desktop reader for daily arXiv digests.
%2</source>
            <translation>Paperboy %1
阅读 arXiv 每日速递的桌面应用。
%2</translation>
        </message>
        <message>
            <location filename="../../ui/window/main_window.cpp" line="361" />
            <source>No digests yet: import one to start.</source>
            <translation>还没有速递：先导入一份吧。</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/window/main_window.cpp" line="367" />
            <source>%n days of digests.</source>
            <translation>
                <numerusform>共 %n 天的速递。</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/window/main_window_translate.cpp" line="39" />
            <source>Choose a day first: Translate This Day works on a day's papers.</source>
            <translation>请先选择一天：“翻译这一天”针对某一天的论文。</translation>
        </message>
    </context>
    <context>
        <name>paperboy::MathTextView</name>
        <message>
            <location filename="../../ui/common/math_text.cpp" line="140" />
            <source>Copy TeX</source>
            <translation>复制 TeX 源码</translation>
        </message>
    </context>
    <context>
        <name>paperboy::NoteEditor</name>
        <message>
            <location filename="../../ui/detail/note_editor.cpp" line="8" />
            <source>Notes on this paper (saved as you type)</source>
            <translation>关于这篇论文的笔记（输入时自动保存）</translation>
        </message>
    </context>
    <context>
        <name>paperboy::NoteHistoryDialog</name>
        <message>
            <location filename="../../ui/detail/note_history_dialog.cpp" line="22" />
            <source>replaced by an earlier version</source>
            <translation>被早先的版本替换</translation>
        </message>
        <message>
            <location filename="../../ui/detail/note_history_dialog.cpp" line="24" />
            <source>replaced by a restored backup</source>
            <translation>被恢复的备份替换</translation>
        </message>
        <message>
            <location filename="../../ui/detail/note_history_dialog.cpp" line="26" />
            <source>replaced by another device</source>
            <translation>被另一台设备替换</translation>
        </message>
        <message>
            <location filename="../../ui/detail/note_history_dialog.cpp" line="27" />
            <source>replaced by an edit</source>
            <translation>被编辑替换</translation>
        </message>
        <message>
            <location filename="../../ui/detail/note_history_dialog.cpp" line="37" />
            <source>Earlier Versions of the Note</source>
            <translation>笔记的早先版本</translation>
        </message>
        <message>
            <location filename="../../ui/detail/note_history_dialog.cpp" line="40" />
            <source>Reading the note's history of %1…</source>
            <translation>正在读取 %1 的笔记历史…</translation>
        </message>
        <message>
            <location filename="../../ui/detail/note_history_dialog.cpp" line="58" />
            <source>&amp;Bring Back</source>
            <translation>恢复(&amp;B)</translation>
        </message>
        <message>
            <location filename="../../ui/detail/note_history_dialog.cpp" line="91" />
            <source>The note of %1 has no earlier versions: every change of a note keeps the text it replaced here.</source>
            <translation>%1 的笔记没有早先版本：笔记每次更改时，被替换的文字都会保存在这里。</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/detail/note_history_dialog.cpp" line="96" />
            <source>%n earlier version(s) of the note of %1, newest first. Bringing one back keeps the current note here too.</source>
            <translation>
                <numerusform>%1 的笔记有 %n 个早先版本，最新的在前。恢复其中之一时，当前笔记也会保留在这里。</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>paperboy::NotePanel</name>
        <message>
            <location filename="../../ui/detail/note_panel.cpp" line="37" />
            <source>This note was changed elsewhere while you were writing. Nothing is saved until you choose.</source>
            <translation>你编辑期间，这条笔记已在别处被修改。在你做出选择之前不会保存任何内容。</translation>
        </message>
        <message>
            <location filename="../../ui/detail/note_panel.cpp" line="39" />
            <source>Changed elsewhere:</source>
            <translation>别处的修改：</translation>
        </message>
        <message>
            <location filename="../../ui/detail/note_panel.cpp" line="41" />
            <source>Yours (not saved yet):</source>
            <translation>你的内容（尚未保存）：</translation>
        </message>
        <message>
            <location filename="../../ui/detail/note_panel.cpp" line="46" />
            <source>Keep Mine</source>
            <translation>保留我的</translation>
        </message>
        <message>
            <location filename="../../ui/detail/note_panel.cpp" line="48" />
            <source>Keep Theirs</source>
            <translation>保留别处的</translation>
        </message>
        <message>
            <location filename="../../ui/detail/note_panel.cpp" line="50" />
            <source>Merge Both</source>
            <translation>合并两者</translation>
        </message>
        <message>
            <location filename="../../ui/detail/note_panel.cpp" line="59" />
            <source>Earlier &amp;Versions…</source>
            <translation>早先版本(&amp;V)…</translation>
        </message>
        <message>
            <location filename="../../ui/detail/note_panel.cpp" line="62" />
            <source>Every change of a note keeps the text it replaced: see them and bring one back</source>
            <translation>笔记每次更改都会保留被替换的文字：可以查看并恢复其中之一</translation>
        </message>
        <message>
            <location filename="../../ui/detail/note_panel.cpp" line="86" />
            <source>Try Again Now</source>
            <translation>立即重试</translation>
        </message>
        <message>
            <location filename="../../ui/detail/note_panel.cpp" line="110" />
            <source>Not saved yet</source>
            <translation>尚未保存</translation>
        </message>
        <message>
            <location filename="../../ui/detail/note_panel.cpp" line="110" />
            <source>Saving…</source>
            <translation>正在保存…</translation>
        </message>
        <message>
            <location filename="../../ui/detail/note_panel.cpp" line="112" />
            <source>Saved</source>
            <translation>已保存</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/detail/note_panel.cpp" line="117" />
            <source>%n note(s) not saved yet (%1): %2</source>
            <translation>
                <numerusform>%n 条笔记尚未保存（%1）：%2</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/detail/note_panel.cpp" line="120" />
            <source>The text is kept, and saving is tried again until it works; if Paperboy is closed first, it is kept for the next start.</source>
            <translation>文字已保留，并会不断重试保存直到成功；若先关闭 Paperboy，它会保留到下次启动。</translation>
        </message>
    </context>
    <context>
        <name>paperboy::NoteRecoveryBanner</name>
        <message>
            <location filename="../../ui/window/note_recovery_banner.cpp" line="13" />
            <source>Save Them</source>
            <translation>全部保存</translation>
        </message>
        <message>
            <location filename="../../ui/window/note_recovery_banner.cpp" line="15" />
            <source>Discard…</source>
            <translation>丢弃…</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/window/note_recovery_banner.cpp" line="31" />
            <source>%n note(s) typed before Paperboy last closed could not be saved (%1). They were kept; save them now?</source>
            <translation>
                <numerusform>Paperboy 上次关闭前输入的 %n 条笔记未能保存（%1）。它们已被保留，现在保存吗？</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/window/note_recovery_banner.cpp" line="79" />
            <source>Discard Unsaved Notes</source>
            <translation>丢弃未保存的笔记</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/window/note_recovery_banner.cpp" line="80" />
            <source>Discard the %n note(s) that could not be saved? They cannot be recovered afterwards.</source>
            <translation>
                <numerusform>丢弃这 %n 条未能保存的笔记？之后将无法恢复。</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>paperboy::Notice</name>
        <message>
            <location filename="../../ui/notify/notice.cpp" line="18" />
            <source>accepted</source>
            <translation>已被接收</translation>
        </message>
        <message>
            <location filename="../../ui/notify/notice.cpp" line="20" />
            <source>a journal reference</source>
            <translation>期刊出处</translation>
        </message>
        <message>
            <location filename="../../ui/notify/notice.cpp" line="22" />
            <source>a DOI</source>
            <translation>DOI</translation>
        </message>
        <message>
            <location filename="../../ui/notify/notice.cpp" line="24" />
            <source>a code link</source>
            <translation>代码链接</translation>
        </message>
        <message>
            <location filename="../../ui/notify/notice.cpp" line="25" />
            <source>, </source>
            <translation>、</translation>
        </message>
        <message>
            <location filename="../../ui/notify/notice.cpp" line="36" />
            <source>Today's arXiv listing has arrived</source>
            <translation>今天的 arXiv 列表已到达</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/notify/notice.cpp" line="38" />
            <source>%n new papers for %1</source>
            <translation>
                <numerusform>%1 有 %n 篇新论文</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/notify/notice.cpp" line="57" />
            <source>A starred paper has a new version</source>
            <translation>一篇加星标的论文有新版本</translation>
        </message>
        <message>
            <location filename="../../ui/notify/notice.cpp" line="58" />
            <source>%1 (arXiv:%2) is now v%3.</source>
            <translation>%1（arXiv:%2）现在是 v%3。</translation>
        </message>
        <message>
            <location filename="../../ui/notify/notice.cpp" line="63" />
            <source>New: %1.</source>
            <translation>新增：%1。</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/notify/notice.cpp" line="66" />
            <source>%n starred papers have new versions</source>
            <translation>
                <numerusform>%n 篇加星标的论文有新版本</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/notify/notice.cpp" line="72" />
            <source>%1 (v%2)</source>
            <translation>%1（v%2）</translation>
        </message>
        <message>
            <location filename="../../ui/notify/notice.cpp" line="76" />
            <source>: %1</source>
            <translation>：%1</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/notify/notice.cpp" line="80" />
            <source>and %n more papers</source>
            <translation>
                <numerusform>另有 %n 篇</numerusform>
            </translation>
        </message>
        <message>
            <source>A starred paper has a code link</source>
            <translation>一篇加星论文有了代码链接</translation>
        </message>
        <message>
            <source>A paper you noted or tagged has a code link</source>
            <translation>一篇你写过笔记或加过标签的论文有了代码链接</translation>
        </message>
        <message>
            <source>%1 (arXiv:%2): %3</source>
            <translation>%1（arXiv:%2）：%3</translation>
        </message>
        <message numerus="yes">
            <source>%n of your papers have code links</source>
            <translation>
                <numerusform>你的 %n 篇论文有了代码链接</numerusform>
            </translation>
        </message>
        <message>
            <source>%1: %2</source>
            <translation>%1：%2</translation>
        </message>
    </context>
    <context>
        <name>paperboy::PaperEdits</name>
        <message>
            <location filename="../../ui/paperlist/paper_edits.cpp" line="21" />
            <source>Starred %1.</source>
            <translation>已收藏 %1。</translation>
        </message>
        <message>
            <location filename="../../ui/paperlist/paper_edits.cpp" line="22" />
            <source>Removed the star from %1.</source>
            <translation>已取消收藏 %1。</translation>
        </message>
        <message>
            <location filename="../../ui/paperlist/paper_edits.cpp" line="49" />
            <source>Everything here is already read.</source>
            <translation>这里的论文都已读过。</translation>
        </message>
        <message>
            <location filename="../../ui/paperlist/paper_edits.cpp" line="53" />
            <source>Marked 1 paper as read.</source>
            <translation>已将 1 篇论文标为已读。</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/paperlist/paper_edits.cpp" line="54" />
            <source>Marked %n papers as read.</source>
            <translation>
                <numerusform>已将 %n 篇论文标为已读。</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>paperboy::PaperListModel</name>
        <message>
            <location filename="../../ui/paperlist/paper_list_model.cpp" line="90" />
            <source>Starred</source>
            <translation>已收藏</translation>
        </message>
        <message>
            <location filename="../../ui/paperlist/paper_list_model.cpp" line="91" />
            <source>Unread</source>
            <translation>未读</translation>
        </message>
    </context>
    <context>
        <name>paperboy::PaperListPanel</name>
        <message>
            <location filename="../../ui/paperlist/paper_list_panel.cpp" line="61" />
            <source>Mark All Read</source>
            <translation>全部标为已读</translation>
        </message>
        <message>
            <location filename="../../ui/paperlist/paper_list_panel.cpp" line="63" />
            <source>Mark every paper of this day as read (Shift+U)</source>
            <translation>将这一天的所有论文标为已读（Shift+U）</translation>
        </message>
        <message>
            <location filename="../../ui/paperlist/paper_list_panel.cpp" line="68" />
            <source>Newest first</source>
            <translation>最新优先</translation>
        </message>
        <message>
            <location filename="../../ui/paperlist/paper_list_panel.cpp" line="69" />
            <source>Best match</source>
            <translation>最相关</translation>
        </message>
        <message>
            <location filename="../../ui/paperlist/paper_list_panel.cpp" line="70" />
            <source>Order of the search results</source>
            <translation>搜索结果的排序</translation>
        </message>
        <message>
            <location filename="../../ui/paperlist/paper_list_panel.cpp" line="73" />
            <source>Save Search…</source>
            <translation>保存搜索…</translation>
        </message>
        <message>
            <location filename="../../ui/paperlist/paper_list_panel.cpp" line="75" />
            <source>Keep this search in the sidebar, with its count</source>
            <translation>将此搜索保存到侧栏，并显示其数量</translation>
        </message>
        <message>
            <location filename="../../ui/paperlist/paper_list_panel.cpp" line="80" />
            <source>Filter by title, author, id (/)</source>
            <translation>按标题、作者、ID 筛选（/）</translation>
        </message>
        <message>
            <location filename="../../ui/paperlist/paper_list_panel.cpp" line="187" />
            <source>Loading…</source>
            <translation>正在加载…</translation>
        </message>
        <message>
            <location filename="../../ui/paperlist/paper_list_panel.cpp" line="189" />
            <source>Nothing here yet.</source>
            <translation>这里还没有内容。</translation>
        </message>
        <message>
            <location filename="../../ui/paperlist/paper_list_panel.cpp" line="191" />
            <source>No paper matches the filter.
Press Escape to clear it.</source>
            <translation>没有符合筛选条件的论文。
按 Esc 清除筛选。</translation>
        </message>
    </context>
    <context>
        <name>paperboy::PaperText</name>
        <message>
            <location filename="../../ui/common/paper_text.cpp" line="44" />
            <source>%1 et al.</source>
            <comment>shortened author list</comment>
            <translation>%1 等</translation>
        </message>
    </context>
    <context>
        <name>paperboy::PreferencesDialog</name>
        <message>
            <source>PDFs</source>
            <translation>PDF</translation>
        </message>
        <message>
            <location filename="../../ui/preferences/preferences_dialog.cpp" line="45" />
            <source>arXiv RSS feeds:</source>
            <translation>arXiv RSS 订阅源：</translation>
        </message>
        <message>
            <location filename="../../ui/preferences/preferences_dialog.cpp" line="46" />
            <source>The categories are appended, joined by +</source>
            <translation>分类名以 + 连接后附加在末尾</translation>
        </message>
        <message>
            <location filename="../../ui/preferences/preferences_dialog.cpp" line="47" />
            <source>arXiv API:</source>
            <translation>arXiv API：</translation>
        </message>
        <message>
            <location filename="../../ui/preferences/preferences_dialog.cpp" line="48" />
            <source>Past days and paper details</source>
            <translation>用于获取往日列表和论文详情</translation>
        </message>
        <message>
            <location filename="../../ui/preferences/preferences_dialog.cpp" line="49" />
            <source>Hugging Face daily papers:</source>
            <translation>Hugging Face 每日论文：</translation>
        </message>
        <message>
            <location filename="../../ui/preferences/preferences_dialog.cpp" line="50" />
            <source>The day is added as ?date=YYYY-MM-DD</source>
            <translation>日期以 ?date=YYYY-MM-DD 形式附加</translation>
        </message>
        <message>
            <location filename="../../ui/preferences/preferences_dialog.cpp" line="52" />
            <source>Digest address template:</source>
            <translation>速递地址模板：</translation>
        </message>
        <message>
            <location filename="../../ui/preferences/preferences_dialog.cpp" line="53" />
            <source>{date} becomes the day (YYYY-MM-DD), {lang} the digest language</source>
            <translation>{date} 替换为日期（YYYY-MM-DD），{lang} 替换为速递语言</translation>
        </message>
        <message>
            <location filename="../../ui/preferences/preferences_dialog.cpp" line="55" />
            <source>Digest language:</source>
            <translation>速递语言：</translation>
        </message>
        <message>
            <location filename="../../ui/preferences/preferences_dialog.cpp" line="56" />
            <source>As the digest files spell it: Chinese or English</source>
            <translation>与速递文件名中的写法一致：Chinese 或 English</translation>
        </message>
        <message>
            <location filename="../../ui/preferences/preferences_dialog.cpp" line="104" />
            <source>Preferences</source>
            <translation>首选项</translation>
        </message>
        <message>
            <location filename="../../ui/preferences/preferences_dialog.cpp" line="109" />
            <source>Papers</source>
            <translation>论文</translation>
        </message>
        <message>
            <location filename="../../ui/preferences/preferences_dialog.cpp" line="110" />
            <source>Fetching</source>
            <translation>获取</translation>
        </message>
        <message>
            <location filename="../../ui/preferences/preferences_dialog.cpp" line="111" />
            <source>Interface</source>
            <translation>界面</translation>
        </message>
        <message>
            <location filename="../../ui/preferences/preferences_dialog.cpp" line="112" />
            <source>Library</source>
            <translation>论文库</translation>
        </message>
        <message>
            <location filename="../../ui/preferences/preferences_dialog.cpp" line="142" />
            <source>for example: cs.CV cs.CL</source>
            <translation>例如：cs.CV cs.CL</translation>
        </message>
        <message>
            <location filename="../../ui/preferences/preferences_dialog.cpp" line="143" />
            <source>The arXiv categories whose new papers are fetched each day</source>
            <translation>每天获取这些 arXiv 分类的新论文</translation>
        </message>
        <message>
            <location filename="../../ui/preferences/preferences_dialog.cpp" line="149" />
            <source>Categories to follow:</source>
            <translation>关注的分类：</translation>
        </message>
        <message>
            <location filename="../../ui/preferences/preferences_dialog.cpp" line="150" />
            <source>arXiv category names separated by spaces, such as cs.CV, cs.CL, math.OC or astro-ph.GA.</source>
            <translation>用空格分隔的 arXiv 分类名，例如 cs.CV、cs.CL、math.OC 或 astro-ph.GA。</translation>
        </message>
        <message>
            <location filename="../../ui/preferences/preferences_dialog.cpp" line="157" />
            <source>English and Chinese</source>
            <translation>中英文对照</translation>
        </message>
        <message>
            <location filename="../../ui/preferences/preferences_dialog.cpp" line="159" />
            <source>English</source>
            <translation>英文</translation>
        </message>
        <message>
            <location filename="../../ui/preferences/preferences_dialog.cpp" line="160" />
            <source>Chinese</source>
            <translation>中文</translation>
        </message>
        <message>
            <location filename="../../ui/preferences/preferences_dialog.cpp" line="161" />
            <source>Abstracts in:</source>
            <translation>摘要语言：</translation>
        </message>
        <message>
            <location filename="../../ui/preferences/preferences_dialog.cpp" line="171" />
            <source>When to fetch</source>
            <translation>何时获取</translation>
        </message>
        <message>
            <location filename="../../ui/preferences/preferences_dialog.cpp" line="173" />
            <source>Fetch new papers when Paperboy starts</source>
            <translation>启动 Paperboy 时获取新论文</translation>
        </message>
        <message>
            <location filename="../../ui/preferences/preferences_dialog.cpp" line="176" />
            <source>Fetch every day after arXiv announces new papers (20:00 US Eastern time)</source>
            <translation>每天在 arXiv 公布新论文后获取（美国东部时间 20:00）</translation>
        </message>
        <message>
            <location filename="../../ui/preferences/preferences_dialog.cpp" line="182" />
            <source>Notifications</source>
            <translation>通知</translation>
        </message>
        <message>
            <location filename="../../ui/preferences/preferences_dialog.cpp" line="184" />
            <source>Tell me when today's listing has arrived</source>
            <translation>今天的列表到达时通知我</translation>
        </message>
        <message>
            <location filename="../../ui/preferences/preferences_dialog.cpp" line="186" />
            <source>Tell me when a starred paper has a new version</source>
            <translation>加星标的论文有新版本时通知我</translation>
        </message>
        <message>
            <location filename="../../ui/preferences/preferences_dialog.cpp" line="188" />
            <source>Show an icon with the number of unread papers in the system tray</source>
            <translation>在系统托盘中显示未读论文数的图标</translation>
        </message>
        <message>
            <location filename="../../ui/preferences/preferences_dialog.cpp" line="192" />
            <source>This desktop has no system tray at the moment</source>
            <translation>此桌面目前没有系统托盘</translation>
        </message>
        <message>
            <location filename="../../ui/preferences/preferences_dialog.cpp" line="198" />
            <source>Sources</source>
            <translation>来源</translation>
        </message>
        <message>
            <location filename="../../ui/preferences/preferences_dialog.cpp" line="225" />
            <source>Leave a field empty to use the address shown in it.</source>
            <translation>留空则使用框中显示的地址。</translation>
        </message>
        <message>
            <location filename="../../ui/preferences/preferences_dialog.cpp" line="239" />
            <source>System (%1)</source>
            <translation>跟随系统（%1）</translation>
        </message>
        <message>
            <location filename="../../ui/preferences/preferences_dialog.cpp" line="246" />
            <source>Interface language:</source>
            <translation>界面语言：</translation>
        </message>
        <message>
            <location filename="../../ui/preferences/preferences_dialog.cpp" line="248" />
            <source>Takes effect when Paperboy restarts.</source>
            <translation>重新启动 Paperboy 后生效。</translation>
        </message>
        <message>
            <location filename="../../ui/preferences/preferences_dialog.cpp" line="258" />
            <source>Library file</source>
            <translation>论文库文件</translation>
        </message>
        <message>
            <location filename="../../ui/preferences/preferences_dialog.cpp" line="261" />
            <location filename="../../ui/preferences/preferences_dialog.cpp" line="282" />
            <source>Browse…</source>
            <translation>浏览…</translation>
        </message>
        <message>
            <location filename="../../ui/preferences/preferences_dialog.cpp" line="267" />
            <source>Library File</source>
            <translation>论文库文件</translation>
        </message>
        <message>
            <location filename="../../ui/preferences/preferences_dialog.cpp" line="268" />
            <source>Paperboy library (*.sqlite *.db);;All files (*)</source>
            <translation>Paperboy 论文库 (*.sqlite *.db);;所有文件 (*)</translation>
        </message>
        <message>
            <location filename="../../ui/preferences/preferences_dialog.cpp" line="273" />
            <source>File:</source>
            <translation>文件：</translation>
        </message>
        <message>
            <location filename="../../ui/preferences/preferences_dialog.cpp" line="274" />
            <source>Takes effect when Paperboy restarts. A new file starts as an empty library.</source>
            <translation>重新启动 Paperboy 后生效。新文件将是一个空的论文库。</translation>
        </message>
        <message>
            <location filename="../../ui/preferences/preferences_dialog.cpp" line="279" />
            <source>Automatic backups of stars, notes and tags</source>
            <translation>自动备份收藏、笔记和标签</translation>
        </message>
        <message>
            <location filename="../../ui/preferences/preferences_dialog.cpp" line="288" />
            <source>Backup Folder</source>
            <translation>备份文件夹</translation>
        </message>
        <message>
            <location filename="../../ui/preferences/preferences_dialog.cpp" line="292" />
            <source>Folder:</source>
            <translation>文件夹：</translation>
        </message>
        <message>
            <location filename="../../ui/preferences/preferences_dialog.cpp" line="296" />
            <source>None</source>
            <translation>不备份</translation>
        </message>
        <message>
            <location filename="../../ui/preferences/preferences_dialog.cpp" line="297" />
            <source>Daily backups to keep:</source>
            <translation>保留的每日备份数：</translation>
        </message>
        <message>
            <location filename="../../ui/preferences/preferences_dialog.cpp" line="327" />
            <source>Not an arXiv category: %1</source>
            <translation>不是 arXiv 分类：%1</translation>
        </message>
        <message>
            <location filename="../../ui/preferences/preferences_dialog.cpp" line="329" />
            <source>Follow at least one category.</source>
            <translation>请至少关注一个分类。</translation>
        </message>
        <message>
            <location filename="../../ui/preferences/preferences_dialog.cpp" line="398" />
            <source>&amp;Preferences…</source>
            <translation>首选项(&amp;P)…</translation>
        </message>
        <message>
            <location filename="../../ui/preferences/preferences_dialog.cpp" line="413" />
            <source>&amp;Edit</source>
            <translation>编辑(&amp;E)</translation>
        </message>
        <message>
            <location filename="../../ui/preferences/preferences_dialog.cpp" line="115" />
            <source>Translation</source>
            <translation>翻译</translation>
        </message>
        <message>
            <source>Tell me when a paper I starred, noted or tagged gets a code link</source>
            <translation>我加星、写笔记或加标签的论文有了代码链接时通知我</translation>
        </message>
        <message>
            <location filename="../../ui/preferences/preferences_dialog.cpp" line="121" />
            <source>Sync</source>
            <translation>同步</translation>
        </message>
    </context>
    <context>
        <name>paperboy::ReaderActions</name>
        <message>
            <location filename="../../ui/window/reader_actions.cpp" line="46" />
            <source>&amp;Import Digest…</source>
            <translation>导入速递(&amp;I)…</translation>
        </message>
        <message>
            <location filename="../../ui/window/reader_actions.cpp" line="47" />
            <source>&amp;Fetch Today's Papers</source>
            <translation>获取今天的论文(&amp;F)</translation>
        </message>
        <message>
            <location filename="../../ui/window/reader_actions.cpp" line="49" />
            <source>Fetch &amp;Days…</source>
            <translation>获取指定日期(&amp;D)…</translation>
        </message>
        <message>
            <location filename="../../ui/window/reader_actions.cpp" line="50" />
            <source>Check for New &amp;Versions</source>
            <translation>检查新版本(&amp;V)</translation>
        </message>
        <message>
            <location filename="../../ui/window/reader_actions.cpp" line="51" />
            <source>&amp;Export…</source>
            <translation>导出(&amp;E)…</translation>
        </message>
        <message>
            <location filename="../../ui/window/reader_actions.cpp" line="52" />
            <source>&amp;Back Up User Data…</source>
            <translation>备份用户数据(&amp;B)…</translation>
        </message>
        <message>
            <location filename="../../ui/window/reader_actions.cpp" line="53" />
            <source>&amp;Restore User Data…</source>
            <translation>恢复用户数据(&amp;R)…</translation>
        </message>
        <message>
            <location filename="../../ui/window/reader_actions.cpp" line="54" />
            <source>&amp;Quit</source>
            <translation>退出(&amp;Q)</translation>
        </message>
        <message>
            <location filename="../../ui/window/reader_actions.cpp" line="55" />
            <source>&amp;Next Paper</source>
            <translation>下一篇论文(&amp;N)</translation>
        </message>
        <message>
            <location filename="../../ui/window/reader_actions.cpp" line="56" />
            <source>&amp;Previous Paper</source>
            <translation>上一篇论文(&amp;P)</translation>
        </message>
        <message>
            <location filename="../../ui/window/reader_actions.cpp" line="57" />
            <source>Next &amp;Day</source>
            <translation>下一天(&amp;D)</translation>
        </message>
        <message>
            <location filename="../../ui/window/reader_actions.cpp" line="58" />
            <source>P&amp;revious Day</source>
            <translation>上一天(&amp;R)</translation>
        </message>
        <message>
            <location filename="../../ui/window/reader_actions.cpp" line="59" />
            <source>&amp;Filter the List</source>
            <translation>筛选列表(&amp;F)</translation>
        </message>
        <message>
            <location filename="../../ui/window/reader_actions.cpp" line="60" />
            <source>&amp;Search All Papers</source>
            <translation>搜索全部论文(&amp;S)</translation>
        </message>
        <message>
            <location filename="../../ui/window/reader_actions.cpp" line="61" />
            <source>Write a &amp;Note</source>
            <translation>写笔记(&amp;N)</translation>
        </message>
        <message>
            <location filename="../../ui/window/reader_actions.cpp" line="62" />
            <source>Edit &amp;Tags</source>
            <translation>编辑标签(&amp;T)</translation>
        </message>
        <message>
            <location filename="../../ui/window/reader_actions.cpp" line="63" />
            <source>Back to the &amp;List</source>
            <translation>返回列表(&amp;L)</translation>
        </message>
        <message>
            <location filename="../../ui/window/reader_actions.cpp" line="64" />
            <source>&amp;Star</source>
            <translation>收藏(&amp;S)</translation>
        </message>
        <message>
            <location filename="../../ui/window/reader_actions.cpp" line="65" />
            <source>Toggle &amp;Read</source>
            <translation>切换已读/未读(&amp;R)</translation>
        </message>
        <message>
            <location filename="../../ui/window/reader_actions.cpp" line="66" />
            <source>Mark &amp;All as Read</source>
            <translation>全部标为已读(&amp;A)</translation>
        </message>
        <message>
            <location filename="../../ui/window/reader_actions.cpp" line="68" />
            <source>&amp;Open arXiv Page</source>
            <translation>打开 arXiv 页面(&amp;O)</translation>
        </message>
        <message>
            <location filename="../../ui/window/reader_actions.cpp" line="69" />
            <source>Open &amp;PDF</source>
            <translation>打开 PDF(&amp;P)</translation>
        </message>
        <message>
            <location filename="../../ui/window/reader_actions.cpp" line="70" />
            <source>Open &amp;Code</source>
            <translation>打开代码(&amp;C)</translation>
        </message>
        <message>
            <location filename="../../ui/window/reader_actions.cpp" line="71" />
            <source>Open Pro&amp;ject Page</source>
            <translation>打开项目主页(&amp;J)</translation>
        </message>
        <message>
            <location filename="../../ui/window/reader_actions.cpp" line="72" />
            <source>Copy &amp;Link</source>
            <translation>复制链接(&amp;L)</translation>
        </message>
        <message>
            <location filename="../../ui/window/reader_actions.cpp" line="73" />
            <source>Copy arXiv &amp;ID</source>
            <translation>复制 arXiv ID(&amp;I)</translation>
        </message>
        <message>
            <location filename="../../ui/window/reader_actions.cpp" line="75" />
            <source>Copy &amp;BibTeX</source>
            <translation>复制 BibTeX(&amp;B)</translation>
        </message>
        <message>
            <location filename="../../ui/window/reader_actions.cpp" line="76" />
            <source>Copy &amp;RIS</source>
            <translation>复制 RIS(&amp;R)</translation>
        </message>
        <message>
            <location filename="../../ui/window/reader_actions.cpp" line="77" />
            <source>Copy CSL-&amp;JSON</source>
            <translation>复制 CSL-JSON(&amp;J)</translation>
        </message>
        <message>
            <location filename="../../ui/window/reader_actions.cpp" line="78" />
            <source>New &amp;Tag…</source>
            <translation>新建标签(&amp;T)…</translation>
        </message>
        <message>
            <location filename="../../ui/window/reader_actions.cpp" line="79" />
            <source>Sa&amp;ve Search…</source>
            <translation>保存搜索(&amp;V)…</translation>
        </message>
        <message>
            <location filename="../../ui/window/reader_actions.cpp" line="80" />
            <source>&amp;Keyboard Shortcuts</source>
            <translation>键盘快捷键(&amp;K)</translation>
        </message>
        <message>
            <location filename="../../ui/window/reader_actions.cpp" line="82" />
            <source>&amp;About Paperboy</source>
            <translation>关于 Paperboy(&amp;A)</translation>
        </message>
        <message>
            <location filename="../../ui/window/reader_actions.cpp" line="86" />
            <source>Ask arXiv for today's listing of your categories</source>
            <translation>从 arXiv 获取您关注分类今天的列表</translation>
        </message>
        <message>
            <location filename="../../ui/window/reader_actions.cpp" line="87" />
            <source>Fetch past days or a range of days from arXiv</source>
            <translation>从 arXiv 获取往日或某段日期的列表</translation>
        </message>
        <message>
            <location filename="../../ui/window/reader_actions.cpp" line="88" />
            <source>Ask arXiv whether the papers you starred, noted or tagged, and the newest papers of the authors you follow, have new versions</source>
            <translation>向 arXiv 查询你加星标、写笔记或打标签的论文，以及你关注的作者的最新论文，是否有新版本</translation>
        </message>
        <message>
            <location filename="../../ui/window/reader_actions.cpp" line="90" />
            <source>Copy the BibTeX of the selected papers</source>
            <translation>复制选中论文的 BibTeX</translation>
        </message>
        <message>
            <location filename="../../ui/window/reader_actions.cpp" line="111" />
            <source>&amp;File</source>
            <translation>文件(&amp;F)</translation>
        </message>
        <message>
            <location filename="../../ui/window/reader_actions.cpp" line="124" />
            <source>&amp;Go</source>
            <translation>转到(&amp;G)</translation>
        </message>
        <message>
            <location filename="../../ui/window/reader_actions.cpp" line="134" />
            <source>&amp;Paper</source>
            <translation>论文(&amp;P)</translation>
        </message>
        <message>
            <location filename="../../ui/window/reader_actions.cpp" line="142" />
            <source>&amp;Help</source>
            <translation>帮助(&amp;H)</translation>
        </message>
        <message>
            <location filename="../../ui/window/reader_actions.cpp" line="152" />
            <source>Copy Citation As</source>
            <translation>复制引用格式</translation>
        </message>
        <message>
            <location filename="../../ui/window/reader_actions.cpp" line="80" />
            <source>Tra&amp;nslate into Chinese</source>
            <translation>翻译成中文(&amp;N)</translation>
        </message>
        <message>
            <location filename="../../ui/window/reader_actions.cpp" line="82" />
            <source>Translate This &amp;Day…</source>
            <translation>翻译这一天(&amp;D)…</translation>
        </message>
        <message>
            <location filename="../../ui/window/reader_actions.cpp" line="93" />
            <source>Translate every paper of the day that has no Chinese yet; the size of the run is shown before anything is sent</source>
            <translation>翻译这一天所有尚无中文的论文；发送前会显示本次翻译的规模</translation>
        </message>
        <message>
            <source>Translate A&amp;gain</source>
            <translation>重新翻译(&amp;G)</translation>
        </message>
        <message>
            <source>Translate the paper on screen into Chinese (Shift+T: t already edits tags)</source>
            <translation>把当前论文翻译成中文（Shift+T：t 已用于编辑标签）</translation>
        </message>
        <message>
            <source>Ask the translation service anew for the paper on screen, replacing its machine translation</source>
            <translation>请翻译服务重新翻译当前论文，替换它的机器翻译</translation>
        </message>
        <message>
            <location filename="../../ui/window/reader_actions.cpp" line="80" />
            <source>T&amp;rends…</source>
            <translation>趋势(&amp;R)…</translation>
        </message>
        <message>
            <location filename="../../ui/window/reader_actions.cpp" line="97" />
            <source>Chart how often searches match per day, week, month or year</source>
            <translation>用图表显示搜索每天、每周、每月或每年匹配多少篇论文</translation>
        </message>
        <message>
            <location filename="../../ui/window/reader_actions.cpp" line="48" />
            <source>&amp;Add Papers from Clipboard</source>
            <translation>从剪贴板添加论文(&amp;A)</translation>
        </message>
        <message>
            <location filename="../../ui/window/reader_actions.cpp" line="81" />
            <source>Save to &amp;Zotero</source>
            <translation>保存到 Zotero(&amp;Z)</translation>
        </message>
        <message>
            <location filename="../../ui/window/reader_actions.cpp" line="106" />
            <source>Add the papers whose arXiv links or ids are on the clipboard (arxiv.org, alphaxiv.org, huggingface.co/papers, DOIs); dropping a link on the window does the same</source>
            <translation>添加剪贴板中 arXiv 链接或编号所指的论文（arxiv.org、alphaxiv.org、huggingface.co/papers、DOI）；把链接拖到窗口上也一样</translation>
        </message>
        <message>
            <location filename="../../ui/window/reader_actions.cpp" line="109" />
            <source>Send the selected papers to Zotero's desktop app, with your tags, your note and a link to the PDF</source>
            <translation>把所选论文发送到 Zotero 桌面程序，连同你的标签、笔记和 PDF 链接</translation>
        </message>
    </context>
    <context>
        <name>paperboy::ReadingStatsView</name>
        <message>
            <location filename="../../ui/trends/reading_stats_view.cpp" line="34" />
            <source>Last 12 weeks</source>
            <translation>最近 12 周</translation>
        </message>
        <message>
            <location filename="../../ui/trends/reading_stats_view.cpp" line="35" />
            <source>Last 26 weeks</source>
            <translation>最近 26 周</translation>
        </message>
        <message>
            <location filename="../../ui/trends/reading_stats_view.cpp" line="36" />
            <source>Last 52 weeks</source>
            <translation>最近 52 周</translation>
        </message>
        <message>
            <location filename="../../ui/trends/reading_stats_view.cpp" line="37" />
            <source>Since the first</source>
            <translation>从最早开始</translation>
        </message>
        <message>
            <location filename="../../ui/trends/reading_stats_view.cpp" line="43" />
            <source>A read mark, star or note counts in the week it was last set, while it is set: the library keeps the time of the latest change only. Papers arrived are those dated in the week, as trends count every paper.</source>
            <translation>已读标记、星标或笔记计入最后一次设置它的那一周（且须仍处于设置状态）：文库只保存最近一次更改的时间。新到论文是日期落在该周的论文，与趋势统计全部论文的方式相同。</translation>
        </message>
        <message>
            <location filename="../../ui/trends/reading_stats_view.cpp" line="161" />
            <source>Could not read the statistics: %1</source>
            <translation>无法读取统计：%1</translation>
        </message>
        <message>
            <location filename="../../ui/trends/reading_stats_view.cpp" line="165" />
            <source>&lt;b&gt;This week&lt;/b&gt; (from %1): %2 arrived · %3 read · %4 starred · %5 annotated</source>
            <translation>&lt;b&gt;本周&lt;/b&gt;（自 %1 起）：新到 %2 · 已读 %3 · 星标 %4 · 笔记 %5</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/trends/reading_stats_view.cpp" line="168" />
            <source>%n papers</source>
            <translation>
                <numerusform>%n 篇论文</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/trends/reading_stats_view.cpp" line="175" />
            <source>No tags added this week.</source>
            <translation>本周没有添加标签。</translation>
        </message>
        <message>
            <location filename="../../ui/trends/reading_stats_view.cpp" line="176" />
            <source>Top tags: %1</source>
            <translation>常用标签：%1</translation>
        </message>
        <message>
            <location filename="../../ui/trends/reading_stats_view.cpp" line="183" />
            <source>Read</source>
            <translation>已读</translation>
        </message>
        <message>
            <location filename="../../ui/trends/reading_stats_view.cpp" line="183" />
            <source>Starred</source>
            <translation>星标</translation>
        </message>
        <message>
            <location filename="../../ui/trends/reading_stats_view.cpp" line="183" />
            <source>Annotated</source>
            <translation>有笔记</translation>
        </message>
        <message>
            <location filename="../../ui/trends/reading_stats_view.cpp" line="223" />
            <source>Week of %1: %2 %3</source>
            <translation>%1 那周：%3 %2</translation>
        </message>
    </context>
    <context>
        <name>paperboy::SavedTrendsBar</name>
        <message>
            <location filename="../../ui/trends/saved_trends_bar.cpp" line="17" />
            <source>Sa&amp;ve Trend…</source>
            <translation>保存趋势(&amp;V)…</translation>
        </message>
        <message>
            <location filename="../../ui/trends/saved_trends_bar.cpp" line="18" />
            <source>&amp;Delete</source>
            <translation>删除(&amp;D)</translation>
        </message>
        <message>
            <location filename="../../ui/trends/saved_trends_bar.cpp" line="22" />
            <source>Keep these searches and settings by name, beside the saved searches</source>
            <translation>按名称保存这些搜索和设置，与已保存的搜索放在一起</translation>
        </message>
        <message>
            <location filename="../../ui/trends/saved_trends_bar.cpp" line="24" />
            <source>Delete the saved trend on screen (the chart stays)</source>
            <translation>删除屏幕上的已保存趋势（图表保留）</translation>
        </message>
        <message>
            <location filename="../../ui/trends/saved_trends_bar.cpp" line="61" />
            <source>Saved trend “%1”.</source>
            <translation>已保存的趋势“%1”。</translation>
        </message>
        <message>
            <location filename="../../ui/trends/saved_trends_bar.cpp" line="79" />
            <source>Replaced the saved trend “%1”.</source>
            <translation>已替换已保存的趋势“%1”。</translation>
        </message>
        <message>
            <location filename="../../ui/trends/saved_trends_bar.cpp" line="80" />
            <source>Saved the trend as “%1”.</source>
            <translation>趋势已保存为“%1”。</translation>
        </message>
        <message>
            <location filename="../../ui/trends/saved_trends_bar.cpp" line="89" />
            <source>Deleted the saved trend “%1”; Save Trend… keeps it again.</source>
            <translation>已删除已保存的趋势“%1”；“保存趋势…”可再次保存。</translation>
        </message>
        <message>
            <location filename="../../ui/trends/saved_trends_bar.cpp" line="119" />
            <source>Type a search first: a trend keeps its searches.</source>
            <translation>请先输入搜索：趋势保存的是其中的搜索。</translation>
        </message>
        <message>
            <location filename="../../ui/trends/saved_trends_bar.cpp" line="124" />
            <source>Save Trend</source>
            <translation>保存趋势</translation>
        </message>
        <message>
            <location filename="../../ui/trends/saved_trends_bar.cpp" line="125" />
            <source>Name for this trend (a saved trend of the same name is replaced):</source>
            <translation>趋势名称（将替换同名的已保存趋势）：</translation>
        </message>
        <message>
            <location filename="../../ui/trends/saved_trends_bar.cpp" line="137" />
            <source>No saved trends</source>
            <translation>没有已保存的趋势</translation>
        </message>
        <message>
            <location filename="../../ui/trends/saved_trends_bar.cpp" line="137" />
            <source>Open a saved trend…</source>
            <translation>打开已保存的趋势…</translation>
        </message>
    </context>
    <context>
        <name>paperboy::SearchController</name>
        <message>
            <location filename="../../ui/search/search_controller.cpp" line="62" />
            <source>Save Search</source>
            <translation>保存搜索</translation>
        </message>
        <message>
            <location filename="../../ui/search/search_controller.cpp" line="63" />
            <source>Name for the search "%1":</source>
            <translation>为搜索“%1”命名：</translation>
        </message>
        <message>
            <location filename="../../ui/search/search_controller.cpp" line="93" />
            <source>Replace Saved Search</source>
            <translation>替换已保存的搜索</translation>
        </message>
        <message>
            <location filename="../../ui/search/search_controller.cpp" line="94" />
            <source>A saved search named "%1" already exists:
%2

Replace it with this search?
%3</source>
            <translation>已存在名为“%1”的已保存搜索：
%2

用这个搜索替换它吗？
%3</translation>
        </message>
        <message>
            <location filename="../../ui/search/search_controller.cpp" line="100" />
            <source>Replace</source>
            <translation>替换</translation>
        </message>
        <message>
            <location filename="../../ui/search/search_controller.cpp" line="114" />
            <source>Saved the search as "%1".</source>
            <translation>已将搜索保存为“%1”。</translation>
        </message>
        <message>
            <location filename="../../ui/search/search_controller.cpp" line="121" />
            <source>Rename Saved Search</source>
            <translation>重命名已保存的搜索</translation>
        </message>
        <message>
            <location filename="../../ui/search/search_controller.cpp" line="122" />
            <source>New name for "%1":</source>
            <translation>“%1”的新名称：</translation>
        </message>
        <message>
            <location filename="../../ui/search/search_controller.cpp" line="131" />
            <source>Renamed the saved search "%1" to "%2".</source>
            <translation>已将已保存的搜索“%1”重命名为“%2”。</translation>
        </message>
        <message>
            <location filename="../../ui/search/search_controller.cpp" line="138" />
            <source>Delete Saved Search</source>
            <translation>删除已保存的搜索</translation>
        </message>
        <message>
            <location filename="../../ui/search/search_controller.cpp" line="139" />
            <source>Delete the saved search "%1"? The papers stay as they are.</source>
            <translation>要删除已保存的搜索“%1”吗？论文本身不受影响。</translation>
        </message>
        <message>
            <location filename="../../ui/search/search_controller.cpp" line="151" />
            <source>Deleted the saved search "%1".</source>
            <translation>已删除已保存的搜索“%1”。</translation>
        </message>
    </context>
    <context>
        <name>paperboy::ShortcutsDialog</name>
        <message>
            <location filename="../../ui/window/shortcuts_dialog.cpp" line="17" />
            <source>Keyboard Shortcuts</source>
            <translation>键盘快捷键</translation>
        </message>
        <message>
            <location filename="../../ui/window/shortcuts_dialog.cpp" line="21" />
            <source>Key</source>
            <translation>按键</translation>
        </message>
        <message>
            <location filename="../../ui/window/shortcuts_dialog.cpp" line="21" />
            <source>Action</source>
            <translation>操作</translation>
        </message>
        <message>
            <location filename="../../ui/window/shortcuts_dialog.cpp" line="33" />
            <source>  or  </source>
            <comment>between two keys of one action</comment>
            <translation>  或  </translation>
        </message>
        <message>
            <location filename="../../ui/window/shortcuts_dialog.cpp" line="41" />
            <source>Letter keys act when no text field has the focus.</source>
            <translation>字母键仅在输入框没有焦点时生效。</translation>
        </message>
    </context>
    <context>
        <name>paperboy::Sidebar</name>
        <message>
            <location filename="../../ui/sidebar/sidebar.cpp" line="41" />
            <source>Search all papers (Ctrl+F)</source>
            <translation>搜索全部论文（Ctrl+F）</translation>
        </message>
        <message>
            <location filename="../../ui/sidebar/sidebar.cpp" line="42" />
            <source>Words, "phrases", -excluded, author:, cat:, tag:, is:starred, is:unread, has:code, has:note, after:YYYY-MM-DD, before:YYYY-MM-DD</source>
            <translation>词语、"短语"、-排除词、author:、cat:、tag:、is:starred、is:unread、has:code、has:note、after:YYYY-MM-DD、before:YYYY-MM-DD</translation>
        </message>
        <message>
            <location filename="../../ui/sidebar/sidebar.cpp" line="109" />
            <source>No digest for %1.</source>
            <translation>%1 没有速递。</translation>
        </message>
        <message>
            <location filename="../../ui/sidebar/sidebar.cpp" line="117" />
            <source>Go to Date</source>
            <translation>转到日期</translation>
        </message>
        <message>
            <location filename="../../ui/sidebar/sidebar.cpp" line="118" />
            <source>Pick a day on a calendar; days with a digest are bold</source>
            <translation>在日历上选择日期；有速递的日期以粗体显示</translation>
        </message>
        <message>
            <location filename="../../ui/sidebar/sidebar.cpp" line="136" />
            <source>Show only papers in the checked categories; none checked shows all</source>
            <translation>只显示勾选分类中的论文；都不勾选则显示全部</translation>
        </message>
        <message>
            <location filename="../../ui/sidebar/sidebar.cpp" line="144" />
            <source>Days</source>
            <translation>按日期浏览</translation>
        </message>
        <message>
            <location filename="../../ui/sidebar/sidebar.cpp" line="152" />
            <source>Categories</source>
            <translation>分类</translation>
        </message>
        <message>
            <location filename="../../ui/sidebar/sidebar.cpp" line="198" />
            <source>Fetch This Day Again</source>
            <translation>重新获取这一天</translation>
        </message>
        <message>
            <location filename="../../ui/sidebar/sidebar.cpp" line="200" />
            <source>Ask arXiv for this day's listing once more</source>
            <translation>再次从 arXiv 获取这一天的列表</translation>
        </message>
    </context>
    <context>
        <name>paperboy::TagController</name>
        <message>
            <location filename="../../ui/tags/tag_controller.cpp" line="22" />
            <source>Add &amp;Tag</source>
            <translation>添加标签(&amp;T)</translation>
        </message>
        <message>
            <location filename="../../ui/tags/tag_controller.cpp" line="54" />
            <source>Tagged 1 paper "%1".</source>
            <translation>已为 1 篇论文添加标签“%1”。</translation>
        </message>
        <message>
            <location filename="../../ui/tags/tag_controller.cpp" line="55" />
            <source>Tagged %1 papers "%2".</source>
            <translation>已为 %1 篇论文添加标签“%2”。</translation>
        </message>
        <message>
            <location filename="../../ui/tags/tag_controller.cpp" line="65" />
            <source>Add Tag</source>
            <translation>添加标签</translation>
        </message>
        <message>
            <location filename="../../ui/tags/tag_controller.cpp" line="66" />
            <source>Tag for the selected papers:</source>
            <translation>为选中的论文添加标签：</translation>
        </message>
        <message>
            <location filename="../../ui/tags/tag_controller.cpp" line="79" />
            <source>Rename Tag</source>
            <translation>重命名标签</translation>
        </message>
        <message>
            <location filename="../../ui/tags/tag_controller.cpp" line="80" />
            <source>New name for the tag "%1" (an existing tag's name merges the two):</source>
            <translation>标签“%1”的新名称（使用已有标签名会将两者合并）：</translation>
        </message>
        <message>
            <location filename="../../ui/tags/tag_controller.cpp" line="95" />
            <source>Merged the tag "%1" into "%2".</source>
            <translation>已将标签“%1”合并到“%2”。</translation>
        </message>
        <message>
            <location filename="../../ui/tags/tag_controller.cpp" line="96" />
            <source>Renamed the tag "%1" to "%2".</source>
            <translation>已将标签“%1”重命名为“%2”。</translation>
        </message>
    </context>
    <context>
        <name>paperboy::TranslationBar</name>
        <message>
            <location filename="../../ui/detail/translation_bar.cpp" line="26" />
            <location filename="../../ui/detail/translation_bar.cpp" line="70" />
            <source>Translate</source>
            <translation>翻译</translation>
        </message>
        <message>
            <location filename="../../ui/detail/translation_bar.cpp" line="30" />
            <source>Edit Chinese…</source>
            <translation>编辑中文…</translation>
        </message>
        <message>
            <location filename="../../ui/detail/translation_bar.cpp" line="32" />
            <source>Write or correct the Chinese title and abstract yourself; your words are kept and never replaced by a machine's</source>
            <translation>自己撰写或修改中文标题和摘要；你的文字会被保留，绝不会被机器翻译替换</translation>
        </message>
        <message>
            <location filename="../../ui/detail/translation_bar.cpp" line="49" />
            <source>machine translation</source>
            <translation>机器翻译</translation>
        </message>
        <message>
            <location filename="../../ui/detail/translation_bar.cpp" line="53" />
            <source>stale: the English changed since</source>
            <translation>已过期：英文此后有改动</translation>
        </message>
        <message>
            <location filename="../../ui/detail/translation_bar.cpp" line="57" />
            <source>your translation</source>
            <translation>你的翻译</translation>
        </message>
        <message>
            <location filename="../../ui/detail/translation_bar.cpp" line="69" />
            <source>Translate Again</source>
            <translation>重新翻译</translation>
        </message>
        <message>
            <source>Ask the service chosen in Preferences for a new translation, replacing the machine translation shown (Paper &gt; Translate Again)</source>
            <translation>请首选项中选定的服务重新翻译，替换当前显示的机器翻译（论文 &gt; 重新翻译）</translation>
        </message>
        <message>
            <source>Translate the title and abstract into Chinese with the service chosen in Preferences (Shift+T; t edits tags)</source>
            <translation>用首选项中选定的服务把标题和摘要翻译成中文（Shift+T；t 用于编辑标签）</translation>
        </message>
    </context>
    <context>
        <name>paperboy::TranslationController</name>
        <message>
            <location filename="../../ui/translate/translation_controller.cpp" line="58" />
            <location filename="../../ui/translate/translation_controller.cpp" line="177" />
            <source>Not translated: %1</source>
            <translation>未翻译：%1</translation>
        </message>
        <message>
            <location filename="../../ui/translate/translation_controller.cpp" line="64" />
            <source>Translating %1/%2</source>
            <translation>正在翻译 %1/%2</translation>
        </message>
        <message>
            <location filename="../../ui/translate/translation_controller.cpp" line="75" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <location filename="../../ui/translate/translation_controller.cpp" line="76" />
            <source>Stop translating; what was translated is kept</source>
            <translation>停止翻译；已翻译的内容会保留</translation>
        </message>
        <message>
            <location filename="../../ui/translate/translation_controller.cpp" line="95" />
            <source>Completing English from arXiv: %1 of %2 papers…</source>
            <translation>正在从 arXiv 补全英文：%1/%2 篇论文…</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/translate/translation_controller.cpp" line="100" />
            <source>Completed the English of %n papers from arXiv.</source>
            <translation>
                <numerusform>已从 arXiv 补全 %n 篇论文的英文。</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/translate/translation_controller.cpp" line="105" />
            <source>arXiv could not be reached for English abstracts; Paperboy tries again later.</source>
            <translation>无法连接 arXiv 获取英文摘要；Paperboy 稍后会再试。</translation>
        </message>
        <message>
            <location filename="../../ui/translate/translation_controller.cpp" line="131" />
            <source>%1 has your own Chinese translation; nothing was sent.</source>
            <translation>%1 已有你自己的中文翻译；未发送任何内容。</translation>
        </message>
        <message>
            <location filename="../../ui/translate/translation_controller.cpp" line="133" />
            <source>%1 has a Chinese translation from its digest; nothing was sent.</source>
            <translation>%1 已有来自速递的中文翻译；未发送任何内容。</translation>
        </message>
        <message>
            <location filename="../../ui/translate/translation_controller.cpp" line="159" />
            <source>A translation is already running; wait for it or cancel it.</source>
            <translation>已有翻译正在进行；请等待完成或取消。</translation>
        </message>
        <message>
            <location filename="../../ui/translate/translation_controller.cpp" line="166" />
            <source>Choose a translation service in Preferences (Translation) first; nothing is sent anywhere until you do.</source>
            <translation>请先在首选项（翻译）中选择翻译服务；在此之前不会向任何地方发送内容。</translation>
        </message>
        <message>
            <location filename="../../ui/translate/translation_controller.cpp" line="197" />
            <source>Translating…</source>
            <translation>正在翻译…</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/translate/translation_controller.cpp" line="219" />
            <source>Translating %n papers with %1 (%2 characters)…</source>
            <translation>
                <numerusform>正在用 %1 翻译 %n 篇论文（%2 个字符）…</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/translate/translation_controller.cpp" line="249" />
            <source>Nothing to translate on %1: every paper has Chinese already.</source>
            <translation>%1 没有需要翻译的论文：每篇都已有中文。</translation>
        </message>
        <message>
            <location filename="../../ui/translate/translation_controller.cpp" line="254" />
            <source>Translate This Day</source>
            <translation>翻译这一天</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/translate/translation_controller.cpp" line="255" />
            <source>Translate %n papers of %1 with %2?</source>
            <translation>
                <numerusform>用 %2 翻译 %1 的 %n 篇论文？</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/translate/translation_controller.cpp" line="261" />
            <source>%1 characters in %n requests.</source>
            <translation>
                <numerusform>%1 个字符，分 %n 次请求。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/translate/translation_controller.cpp" line="264" />
            <source>%n papers already have Chinese and are not sent.</source>
            <translation>
                <numerusform>%n 篇论文已有中文，不会发送。</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/translate/translation_controller.cpp" line="266" />
            <source>Translate</source>
            <translation>翻译</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/translate/translation_controller.cpp" line="346" />
            <source>Today's translation cap of %1 characters is reached: %n papers wait for tomorrow (Preferences, Translation).</source>
            <translation>
                <numerusform>已达到今天 %1 个字符的翻译上限：%n 篇论文等到明天（首选项 &gt; 翻译）。</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/translate/translation_controller.cpp" line="361" />
            <source>Removed your translation of %1.</source>
            <translation>已删除你对 %1 的翻译。</translation>
        </message>
        <message>
            <location filename="../../ui/translate/translation_controller.cpp" line="362" />
            <source>Saved your translation of %1.</source>
            <translation>已保存你对 %1 的翻译。</translation>
        </message>
        <message>
            <location filename="../../ui/translate/translation_controller.cpp" line="395" />
            <source>Cancelling the translation…</source>
            <translation>正在取消翻译…</translation>
        </message>
        <message>
            <location filename="../../ui/translate/translation_controller.cpp" line="412" />
            <source>Translation failed: %1</source>
            <translation>翻译失败：%1</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/translate/translation_controller.cpp" line="414" />
            <source>Translation cancelled; %n papers translated before it stopped.</source>
            <translation>
                <numerusform>翻译已取消；停止前已翻译 %n 篇论文。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/translate/translation_controller.cpp" line="422" />
            <source>%n more</source>
            <translation>
                <numerusform>另外 %n 篇</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/translate/translation_controller.cpp" line="423" />
            <source>Translated %1 of %2 papers; not translated: %3</source>
            <translation>已翻译 %1/%2 篇论文；未翻译：%3</translation>
        </message>
        <message>
            <location filename="../../ui/translate/translation_controller.cpp" line="431" />
            <source>Nothing sent: %1 %2</source>
            <translation>未发送：%1 %2</translation>
        </message>
        <message>
            <location filename="../../ui/translate/translation_controller.cpp" line="432" />
            <source>Nothing to translate.</source>
            <translation>没有需要翻译的内容。</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/translate/translation_controller.cpp" line="434" />
            <source>Translated %n papers with %1.</source>
            <translation>
                <numerusform>已用 %1 翻译 %n 篇论文。</numerusform>
            </translation>
        </message>
        <message>
            <source>(Paper &gt; Translate Again asks anew.)</source>
            <translation>（论文 &gt; 重新翻译 可重新请求。）</translation>
        </message>
    </context>
    <context>
        <name>paperboy::TranslationEditDialog</name>
        <message>
            <location filename="../../ui/detail/translation_bar.cpp" line="82" />
            <source>Your Chinese for %1</source>
            <translation>你为 %1 写的中文</translation>
        </message>
        <message>
            <location filename="../../ui/detail/translation_bar.cpp" line="91" />
            <source>Your translation is kept with your notes and backups, and shown before a machine's. Clear both fields to remove it.</source>
            <translation>你的翻译与笔记一起保存并进入备份，优先于机器翻译显示。清空两栏即可删除。</translation>
        </message>
        <message>
            <location filename="../../ui/detail/translation_bar.cpp" line="100" />
            <source>Title:</source>
            <translation>标题：</translation>
        </message>
        <message>
            <location filename="../../ui/detail/translation_bar.cpp" line="101" />
            <source>Abstract:</source>
            <translation>摘要：</translation>
        </message>
    </context>
    <context>
        <name>paperboy::TranslationPage</name>
        <message>
            <location filename="../../ui/preferences/translation_page.cpp" line="52" />
            <source>Translation service</source>
            <translation>翻译服务</translation>
        </message>
        <message>
            <location filename="../../ui/preferences/translation_page.cpp" line="56" />
            <source>None: nothing is sent anywhere</source>
            <translation>无：不向任何地方发送内容</translation>
        </message>
        <message>
            <location filename="../../ui/preferences/translation_page.cpp" line="57" />
            <source>DeepL API (Free or Pro)</source>
            <translation>DeepL API（免费版或专业版）</translation>
        </message>
        <message>
            <location filename="../../ui/preferences/translation_page.cpp" line="58" />
            <source>OpenAI-compatible (Ollama, llama.cpp, vLLM, DeepSeek, Qwen, …)</source>
            <translation>OpenAI 兼容（Ollama、llama.cpp、vLLM、DeepSeek、Qwen 等）</translation>
        </message>
        <message>
            <location filename="../../ui/preferences/translation_page.cpp" line="60" />
            <source>LibreTranslate</source>
            <translation>LibreTranslate</translation>
        </message>
        <message>
            <location filename="../../ui/preferences/translation_page.cpp" line="62" />
            <source>Service:</source>
            <translation>服务：</translation>
        </message>
        <message>
            <location filename="../../ui/preferences/translation_page.cpp" line="66" />
            <source>The server's root; /v2/translate, /v1/chat/completions or /translate is appended</source>
            <translation>服务器根地址；会在后面加上 /v2/translate、/v1/chat/completions 或 /translate</translation>
        </message>
        <message>
            <location filename="../../ui/preferences/translation_page.cpp" line="68" />
            <source>Server address:</source>
            <translation>服务器地址：</translation>
        </message>
        <message>
            <location filename="../../ui/preferences/translation_page.cpp" line="71" />
            <source>Model:</source>
            <translation>模型：</translation>
        </message>
        <message>
            <location filename="../../ui/preferences/translation_page.cpp" line="76" />
            <source>Into:</source>
            <translation>译为：</translation>
        </message>
        <message>
            <location filename="../../ui/preferences/translation_page.cpp" line="79" />
            <source>API key:</source>
            <translation>API 密钥：</translation>
        </message>
        <message>
            <location filename="../../ui/preferences/translation_page.cpp" line="84" />
            <source>Translate on its own</source>
            <translation>自动翻译</translation>
        </message>
        <message>
            <location filename="../../ui/preferences/translation_page.cpp" line="86" />
            <source>Papers I star</source>
            <translation>我加星标的论文</translation>
        </message>
        <message>
            <location filename="../../ui/preferences/translation_page.cpp" line="90" />
            <source>for example: cs.CL cs.CV</source>
            <translation>例如：cs.CL cs.CV</translation>
        </message>
        <message>
            <location filename="../../ui/preferences/translation_page.cpp" line="91" />
            <source>New papers of these categories are translated after each fetch</source>
            <translation>每次获取后翻译这些分类的新论文</translation>
        </message>
        <message>
            <location filename="../../ui/preferences/translation_page.cpp" line="92" />
            <source>New papers of:</source>
            <translation>这些分类的新论文：</translation>
        </message>
        <message>
            <location filename="../../ui/preferences/translation_page.cpp" line="98" />
            <source> characters a day</source>
            <translation> 个字符/天</translation>
        </message>
        <message>
            <location filename="../../ui/preferences/translation_page.cpp" line="99" />
            <source>Nothing on its own</source>
            <translation>不自动翻译</translation>
        </message>
        <message>
            <location filename="../../ui/preferences/translation_page.cpp" line="100" />
            <source>At most:</source>
            <translation>最多：</translation>
        </message>
        <message>
            <location filename="../../ui/preferences/translation_page.cpp" line="102" />
            <source>Papers with Chinese from a digest or from you are never sent. Translate This Day (Paper menu) shows the size of a run before it starts.</source>
            <translation>已有速递中文或你自己中文的论文绝不会发送。“翻译这一天”（论文菜单）会在开始前显示本次翻译的规模。</translation>
        </message>
        <message>
            <location filename="../../ui/preferences/translation_page.cpp" line="122" />
            <source>Titles and abstracts without Chinese stay English.</source>
            <translation>没有中文的标题和摘要保持英文。</translation>
        </message>
        <message>
            <location filename="../../ui/preferences/translation_page.cpp" line="126" />
            <source>Free keys end in ":fx" and go to api-free.deepl.com, others to api.deepl.com.</source>
            <translation>免费密钥以“:fx”结尾，发往 api-free.deepl.com，其他发往 api.deepl.com。</translation>
        </message>
        <message>
            <location filename="../../ui/preferences/translation_page.cpp" line="128" />
            <source>by the key</source>
            <translation>按密钥决定</translation>
        </message>
        <message>
            <location filename="../../ui/preferences/translation_page.cpp" line="131" />
            <source>A local server needs no key: Ollama listens on http://localhost:11434.</source>
            <translation>本地服务器无需密钥：Ollama 监听 http://localhost:11434。</translation>
        </message>
        <message>
            <location filename="../../ui/preferences/translation_page.cpp" line="136" />
            <source>Your own LibreTranslate server; a key only if it asks for one.</source>
            <translation>你自己的 LibreTranslate 服务器；仅在它要求时才需要密钥。</translation>
        </message>
        <message>
            <location filename="../../ui/preferences/translation_page.cpp" line="142" />
            <source>unchanged</source>
            <translation>不变</translation>
        </message>
        <message>
            <location filename="../../ui/preferences/translation_page.cpp" line="144" />
            <source>No secret store is available: set PAPERBOY_TRANSLATE_KEY in the environment instead.</source>
            <translation>没有可用的密钥库：请改为在环境变量中设置 PAPERBOY_TRANSLATE_KEY。</translation>
        </message>
        <message>
            <location filename="../../ui/preferences/translation_page.cpp" line="147" />
            <source>Kept in the desktop's secret store, never in the settings file. Leave empty to keep the stored key.</source>
            <translation>保存在桌面密钥库中，绝不写入设置文件。留空则保留已存的密钥。</translation>
        </message>
        <message>
            <location filename="../../ui/preferences/translation_page.cpp" line="201" />
            <source>Key Not Stored</source>
            <translation>密钥未保存</translation>
        </message>
        <message>
            <location filename="../../ui/preferences/translation_page.cpp" line="202" />
            <source>The desktop's secret store did not take the key (%1). Set PAPERBOY_TRANSLATE_KEY in the environment instead.</source>
            <translation>桌面密钥库未能保存密钥（%1）。请改为在环境变量中设置 PAPERBOY_TRANSLATE_KEY。</translation>
        </message>
    </context>
    <context>
        <name>paperboy::TrendsChart</name>
        <message>
            <location filename="../../ui/trends/trends_chart.cpp" line="236" />
            <source>Share of all papers</source>
            <translation>占全部论文的比例</translation>
        </message>
        <message>
            <location filename="../../ui/trends/trends_chart.cpp" line="236" />
            <source>Papers</source>
            <translation>论文数</translation>
        </message>
        <message>
            <location filename="../../ui/trends/trends_chart.cpp" line="290" />
            <source>Week of %1</source>
            <translation>%1 起的一周</translation>
        </message>
        <message>
            <location filename="../../ui/trends/trends_chart.cpp" line="293" />
            <source>MMMM yyyy</source>
            <extracomment>A month and its year, as QDate::toString() writes them (MMMM: the month's name).</extracomment>
            <translation>yyyy年M月</translation>
        </message>
        <message>
            <location filename="../../ui/trends/trends_chart.cpp" line="306" />
            <source>The library holds no papers of this period.</source>
            <translation>论文库中没有这一时期的论文。</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/trends/trends_chart.cpp" line="314" />
            <source>%1: %n papers, %2 %</source>
            <translation>
                <numerusform>%1：%n 篇，%2 %</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/trends/trends_chart.cpp" line="316" />
            <source>%1: %n papers</source>
            <translation>
                <numerusform>%1：%n 篇</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/trends/trends_chart.cpp" line="318" />
            <source>%n papers in all</source>
            <translation>
                <numerusform>共 %n 篇论文</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/trends/trends_chart.cpp" line="345" />
            <source>Paperboy trends</source>
            <translation>Paperboy 趋势</translation>
        </message>
        <message>
            <location filename="../../ui/trends/trends_chart.cpp" line="324" />
            <source>Partial: the library starts on %1.</source>
            <translation>不完整：文库从 %1 开始。</translation>
        </message>
        <message>
            <location filename="../../ui/trends/trends_chart.cpp" line="326" />
            <source>Partial: the library ends on %1.</source>
            <translation>不完整：文库到 %1 结束。</translation>
        </message>
    </context>
    <context>
        <name>paperboy::TrendsWindow</name>
        <message>
            <location filename="../../ui/trends/trends_window.cpp" line="45" />
            <source>Export &amp;SVG…</source>
            <translation>导出 SVG(&amp;S)…</translation>
        </message>
        <message>
            <location filename="../../ui/trends/trends_window.cpp" line="48" />
            <source>Trends — Paperboy</source>
            <translation>趋势 — Paperboy</translation>
        </message>
        <message>
            <location filename="../../ui/trends/trends_window.cpp" line="53" />
            <source>Searches (up to six):</source>
            <translation>搜索（最多六个）：</translation>
        </message>
        <message>
            <location filename="../../ui/trends/trends_window.cpp" line="59" />
            <source>e.g. diffusion, "state space model", cat:cs.CV video</source>
            <translation>例如：扩散模型、"state space model"、cat:cs.CV video</translation>
        </message>
        <message>
            <location filename="../../ui/trends/trends_window.cpp" line="60" />
            <source>Another search</source>
            <translation>另一个搜索</translation>
        </message>
        <message>
            <location filename="../../ui/trends/trends_window.cpp" line="77" />
            <source>Day</source>
            <translation>天</translation>
        </message>
        <message>
            <location filename="../../ui/trends/trends_window.cpp" line="78" />
            <source>Week (from Monday)</source>
            <translation>周（从周一起）</translation>
        </message>
        <message>
            <location filename="../../ui/trends/trends_window.cpp" line="79" />
            <source>Month</source>
            <translation>月</translation>
        </message>
        <message>
            <location filename="../../ui/trends/trends_window.cpp" line="80" />
            <source>Year</source>
            <translation>年</translation>
        </message>
        <message>
            <location filename="../../ui/trends/trends_window.cpp" line="83" />
            <source>Papers</source>
            <translation>论文数</translation>
        </message>
        <message>
            <location filename="../../ui/trends/trends_window.cpp" line="84" />
            <source>Share of all papers</source>
            <translation>占全部论文的比例</translation>
        </message>
        <message>
            <location filename="../../ui/trends/trends_window.cpp" line="86" />
            <source>&amp;Per:</source>
            <translation>按(&amp;P)：</translation>
        </message>
        <message>
            <location filename="../../ui/trends/trends_window.cpp" line="87" />
            <source>S&amp;how:</source>
            <translation>显示(&amp;H)：</translation>
        </message>
        <message>
            <location filename="../../ui/trends/trends_window.cpp" line="90" />
            <source>Export &amp;PNG…</source>
            <translation>导出 PNG(&amp;P)…</translation>
        </message>
        <message>
            <location filename="../../ui/trends/trends_window.cpp" line="93" />
            <source>&amp;Copy Data as CSV</source>
            <translation>复制数据为 CSV(&amp;C)</translation>
        </message>
        <message>
            <location filename="../../ui/trends/trends_window.cpp" line="102" />
            <source>Hover over a point for its figures; click it to list that period's papers in the main window. A break in a line is a period the library holds no papers of.</source>
            <translation>指针停在点上可看到数字；点击点可在主窗口中列出该时期的论文。线条中断之处是论文库中没有论文的时期。</translation>
        </message>
        <message>
            <location filename="../../ui/trends/trends_window.cpp" line="215" />
            <source>Reading the library's periods…</source>
            <translation>正在读取论文库的时期…</translation>
        </message>
        <message>
            <location filename="../../ui/trends/trends_window.cpp" line="223" />
            <source>Could not read the library: %1</source>
            <translation>无法读取论文库：%1</translation>
        </message>
        <message>
            <location filename="../../ui/trends/trends_window.cpp" line="238" />
            <source>The library holds no dated papers yet.</source>
            <translation>论文库中还没有带日期的论文。</translation>
        </message>
        <message>
            <location filename="../../ui/trends/trends_window.cpp" line="244" />
            <source>Counting “%1”…</source>
            <translation>正在统计“%1”…</translation>
        </message>
        <message>
            <location filename="../../ui/trends/trends_window.cpp" line="255" />
            <source>Could not count “%1”: %2</source>
            <translation>无法统计“%1”：%2</translation>
        </message>
        <message>
            <location filename="../../ui/trends/trends_window.cpp" line="277" />
            <source>No saved searches</source>
            <translation>没有已保存的搜索</translation>
        </message>
        <message>
            <location filename="../../ui/trends/trends_window.cpp" line="278" />
            <source>Add a saved search…</source>
            <translation>添加已保存的搜索…</translation>
        </message>
        <message>
            <location filename="../../ui/trends/trends_window.cpp" line="299" />
            <source>Six searches at most: empty a field first.</source>
            <translation>最多六个搜索：请先清空一个输入框。</translation>
        </message>
        <message>
            <location filename="../../ui/trends/trends_window.cpp" line="305" />
            <source>period</source>
            <translation>时期</translation>
        </message>
        <message>
            <location filename="../../ui/trends/trends_window.cpp" line="309" />
            <source>%1 (share)</source>
            <translation>%1（比例）</translation>
        </message>
        <message>
            <location filename="../../ui/trends/trends_window.cpp" line="311" />
            <source>all papers</source>
            <translation>全部论文</translation>
        </message>
        <message>
            <location filename="../../ui/trends/trends_window.cpp" line="331" />
            <source>The figures are on the clipboard as CSV.</source>
            <translation>数据已以 CSV 格式复制到剪贴板。</translation>
        </message>
        <message>
            <location filename="../../ui/trends/trends_window.cpp" line="337" />
            <source>Export Chart as SVG</source>
            <translation>将图表导出为 SVG</translation>
        </message>
        <message>
            <location filename="../../ui/trends/trends_window.cpp" line="337" />
            <source>Export Chart as PNG</source>
            <translation>将图表导出为 PNG</translation>
        </message>
        <message>
            <location filename="../../ui/trends/trends_window.cpp" line="340" />
            <source>SVG images (*.svg)</source>
            <translation>SVG 图像 (*.svg)</translation>
        </message>
        <message>
            <location filename="../../ui/trends/trends_window.cpp" line="340" />
            <source>PNG images (*.png)</source>
            <translation>PNG 图像 (*.png)</translation>
        </message>
        <message>
            <location filename="../../ui/trends/trends_window.cpp" line="346" />
            <source>Saved %1.</source>
            <translation>已保存 %1。</translation>
        </message>
        <message>
            <location filename="../../ui/trends/trends_window.cpp" line="346" />
            <source>Could not write %1.</source>
            <translation>无法写入 %1。</translation>
        </message>
        <message>
            <location filename="../../ui/trends/trends_window.cpp" line="70" />
            <source>first day</source>
            <translation>第一天</translation>
        </message>
        <message>
            <location filename="../../ui/trends/trends_window.cpp" line="71" />
            <source>last day</source>
            <translation>最后一天</translation>
        </message>
        <message>
            <location filename="../../ui/trends/trends_window.cpp" line="121" />
            <source>&amp;From:</source>
            <translation>从(&amp;F)：</translation>
        </message>
        <message>
            <location filename="../../ui/trends/trends_window.cpp" line="122" />
            <source>&amp;To:</source>
            <translation>到(&amp;T)：</translation>
        </message>
        <message>
            <location filename="../../ui/trends/trends_window.cpp" line="155" />
            <source>T&amp;rends</source>
            <translation>趋势(&amp;R)</translation>
        </message>
        <message>
            <location filename="../../ui/trends/trends_window.cpp" line="156" />
            <source>Reading &amp;Statistics</source>
            <translation>阅读统计(&amp;S)</translation>
        </message>
        <message>
            <location filename="../../ui/trends/trends_window.cpp" line="371" />
            <source>The library holds no dated papers in that range.</source>
            <translation>文库在该范围内没有带日期的论文。</translation>
        </message>
        <message>
            <location filename="../../ui/trends/trends_window.cpp" line="455" />
            <source>partial</source>
            <translation>部分</translation>
        </message>
    </context>
    <context>
        <name>paperboy::UnreadTray</name>
        <message>
            <location filename="../../ui/notify/unread_tray.cpp" line="29" />
            <source>Show Paperboy</source>
            <translation>显示 Paperboy</translation>
        </message>
        <message>
            <location filename="../../ui/notify/unread_tray.cpp" line="31" />
            <source>Quit</source>
            <translation>退出</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/notify/unread_tray.cpp" line="59" />
            <source>Paperboy: %n unread papers</source>
            <translation>
                <numerusform>Paperboy：%n 篇未读论文</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>paperboy::VersionView</name>
        <message>
            <location filename="../../ui/detail/version_view.cpp" line="95" />
            <source>v%1</source>
            <translation>v%1</translation>
        </message>
        <message>
            <location filename="../../ui/detail/version_view.cpp" line="102" />
            <source>Journal reference: %1</source>
            <translation>期刊引用：%1</translation>
        </message>
        <message>
            <location filename="../../ui/detail/version_view.cpp" line="104" />
            <source>DOI: %1</source>
            <translation>DOI：%1</translation>
        </message>
        <message>
            <location filename="../../ui/detail/version_view.cpp" line="106" />
            <source>Code link: %1</source>
            <translation>代码链接：%1</translation>
        </message>
        <message>
            <location filename="../../ui/detail/version_view.cpp" line="116" />
            <source>Title</source>
            <translation>标题</translation>
        </message>
        <message>
            <location filename="../../ui/detail/version_view.cpp" line="117" />
            <source>Authors</source>
            <translation>作者</translation>
        </message>
        <message>
            <location filename="../../ui/detail/version_view.cpp" line="119" />
            <source>Comment</source>
            <translation>备注</translation>
        </message>
        <message>
            <location filename="../../ui/detail/version_view.cpp" line="120" />
            <source>Abstract</source>
            <translation>摘要</translation>
        </message>
        <message>
            <location filename="../../ui/detail/version_view.cpp" line="130" />
            <source>Nothing changed in the title, authors, comment or abstract since v%1.</source>
            <translation>自 v%1 以来，标题、作者、备注和摘要均未改变。</translation>
        </message>
        <message>
            <location filename="../../ui/detail/version_view.cpp" line="133" />
            <source>Changed since v%1:</source>
            <translation>自 v%1 以来的改动：</translation>
        </message>
        <message>
            <location filename="../../ui/detail/version_view.cpp" line="74" />
            <source>Accepted: %1</source>
            <translation>已录用：%1</translation>
        </message>
    </context>
    <context>
        <name>paperboy::ViewsPanel</name>
        <message>
            <location filename="../../ui/sidebar/views_panel.cpp" line="51" />
            <source>Starred</source>
            <translation>已收藏</translation>
        </message>
        <message>
            <location filename="../../ui/sidebar/views_panel.cpp" line="52" />
            <source>Annotated</source>
            <translation>有笔记</translation>
        </message>
        <message>
            <location filename="../../ui/sidebar/views_panel.cpp" line="53" />
            <source>Unread</source>
            <translation>未读</translation>
        </message>
        <message>
            <location filename="../../ui/sidebar/views_panel.cpp" line="54" />
            <source>Updated</source>
            <translation>有更新</translation>
        </message>
        <message>
            <location filename="../../ui/sidebar/views_panel.cpp" line="62" />
            <source>Saved Searches</source>
            <translation>已保存的搜索</translation>
        </message>
        <message>
            <location filename="../../ui/sidebar/views_panel.cpp" line="67" />
            <source>Tags</source>
            <translation>标签</translation>
        </message>
        <message>
            <location filename="../../ui/sidebar/views_panel.cpp" line="86" />
            <source>Views</source>
            <translation>视图</translation>
        </message>
        <message>
            <location filename="../../ui/sidebar/views_panel.cpp" line="203" />
            <source>Show Papers</source>
            <translation>显示论文</translation>
        </message>
        <message>
            <location filename="../../ui/sidebar/views_panel.cpp" line="211" />
            <source>Rename or Merge…</source>
            <translation>重命名或合并…</translation>
        </message>
        <message>
            <location filename="../../ui/sidebar/views_panel.cpp" line="213" />
            <source>Give the tag another name; an existing name merges the two</source>
            <translation>给标签换个名称；使用已有名称会将两者合并</translation>
        </message>
        <message>
            <location filename="../../ui/sidebar/views_panel.cpp" line="226" />
            <source>Rename…</source>
            <translation>重命名…</translation>
        </message>
        <message>
            <location filename="../../ui/sidebar/views_panel.cpp" line="230" />
            <source>Delete</source>
            <translation>删除</translation>
        </message>
        <message>
            <location filename="../../ui/sidebar/views_panel.cpp" line="54" />
            <source>For You</source>
            <translation>为你推荐</translation>
        </message>
        <message>
            <location filename="../../ui/sidebar/views_panel.cpp" line="55" />
            <source>Followed Authors</source>
            <translation>关注的作者</translation>
        </message>
        <message>
            <location filename="../../ui/sidebar/views_panel.cpp" line="62" />
            <source>Unread papers of the last 7 days, best first by what you starred</source>
            <translation>最近 7 天的未读论文，按你收藏的论文排序</translation>
        </message>
        <message>
            <location filename="../../ui/sidebar/views_panel.cpp" line="234" />
            <source>Rule for New Papers…</source>
            <translation>新论文规则…</translation>
        </message>
        <message>
            <location filename="../../ui/sidebar/views_panel.cpp" line="236" />
            <source>Tag, star, mark read, dismiss or highlight the new papers it finds</source>
            <translation>为它找到的新论文添加标签、收藏、标为已读、标为不感兴趣或突出显示</translation>
        </message>
        <message>
            <location filename="../../ui/sidebar/views_panel.cpp" line="57" />
            <source>Added</source>
            <translation>已添加</translation>
        </message>
    </context>
    <context>
        <name>paperboy::WelcomeDialog</name>
        <message>
            <location filename="../../ui/window/welcome_dialog.cpp" line="44" />
            <location filename="../../ui/window/welcome_dialog.cpp" line="48" />
            <source>Welcome to Paperboy</source>
            <translation>欢迎使用 Paperboy</translation>
        </message>
        <message>
            <location filename="../../ui/window/welcome_dialog.cpp" line="56" />
            <source>Paperboy keeps each day's arXiv papers on your computer, with English and Chinese side by side. A sample digest is included so you can look around.

To read your own field, choose the arXiv categories you follow, then fetch today's listing. Press F1 at any time to see the keyboard shortcuts.</source>
            <translation>Paperboy 将每天的 arXiv 论文保存在您的电脑上，中英文对照阅读。已附带一份示例速递，方便您先四处看看。

要阅读您自己领域的论文，请先选择关注的 arXiv 分类，然后获取今天的列表。随时按 F1 查看键盘快捷键。</translation>
        </message>
        <message>
            <location filename="../../ui/window/welcome_dialog.cpp" line="69" />
            <source>Choose Categories…</source>
            <translation>选择分类…</translation>
        </message>
        <message>
            <location filename="../../ui/window/welcome_dialog.cpp" line="72" />
            <source>Fetch Today's Papers</source>
            <translation>获取今天的论文</translation>
        </message>
    </context>
    <context>
        <name>paperboy::PaperDelegate</name>
        <message>
            <source>PDF p. %1</source>
            <translation>PDF 第 %1 页</translation>
        </message>
        <message>
            <location filename="../../ui/paperlist/paper_delegate.cpp" line="179" />
            <source>followed</source>
            <translation>已关注</translation>
        </message>
    </context>
    <context>
        <name>paperboy::RankController</name>
        <message>
            <location filename="../../ui/rank/rank_controller.cpp" line="48" />
            <source>&amp;Not Interested</source>
            <translation>不感兴趣(&amp;N)</translation>
        </message>
        <message>
            <location filename="../../ui/rank/rank_controller.cpp" line="49" />
            <source>Hide from For You and rank papers like it lower</source>
            <translation>不再在“为你推荐”中显示，并降低类似论文的排名</translation>
        </message>
        <message>
            <location filename="../../ui/rank/rank_controller.cpp" line="50" />
            <source>&amp;Undo Not Interested</source>
            <translation>撤销不感兴趣(&amp;U)</translation>
        </message>
        <message>
            <location filename="../../ui/rank/rank_controller.cpp" line="53" />
            <source>&amp;More Like This</source>
            <translation>更多类似论文(&amp;M)</translation>
        </message>
        <message>
            <location filename="../../ui/rank/rank_controller.cpp" line="54" />
            <source>Sort Best &amp;First for You</source>
            <translation>按推荐度排序(&amp;F)</translation>
        </message>
        <message>
            <location filename="../../ui/rank/rank_controller.cpp" line="56" />
            <source>Order any list by what you starred</source>
            <translation>按你收藏的论文为任意列表排序</translation>
        </message>
        <message>
            <location filename="../../ui/rank/rank_controller.cpp" line="57" />
            <source>&amp;Hide Read Papers</source>
            <translation>隐藏已读论文(&amp;H)</translation>
        </message>
        <message>
            <location filename="../../ui/rank/rank_controller.cpp" line="65" />
            <source>&amp;View</source>
            <translation>视图(&amp;V)</translation>
        </message>
        <message>
            <location filename="../../ui/rank/rank_controller.cpp" line="89" />
            <source>Following %1: their papers are marked in every list.</source>
            <translation>已关注 %1：其论文会在所有列表中标出。</translation>
        </message>
        <message>
            <location filename="../../ui/rank/rank_controller.cpp" line="90" />
            <source>No longer following %1.</source>
            <translation>已取消关注 %1。</translation>
        </message>
        <message>
            <location filename="../../ui/rank/rank_controller.cpp" line="135" />
            <source>For You learns from your stars: star at least %1 papers you liked (%2 so far), and press X on those you do not want.</source>
            <translation>“为你推荐”从你收藏的论文中学习：请收藏至少 %1 篇喜欢的论文（目前 %2 篇），对不想看的论文按 X。</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/rank/rank_controller.cpp" line="208" />
            <source>Not interested: %n papers. Undo with Ctrl+Z.</source>
            <translation>
                <numerusform>不感兴趣：%n 篇论文。按 Ctrl+Z 撤销。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/rank/rank_controller.cpp" line="232" />
            <source>Undone: %n papers back.</source>
            <translation>
                <numerusform>已撤销：%n 篇论文已恢复。</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/rank/rank_controller.cpp" line="248" />
            <source>Rule saved: new papers found by “%1” will be acted on.</source>
            <translation>规则已保存：“%1”找到的新论文将被自动处理。</translation>
        </message>
        <message>
            <location filename="../../ui/rank/rank_controller.cpp" line="252" />
            <source>Rule of “%1” removed.</source>
            <translation>已删除“%1”的规则。</translation>
        </message>
    </context>
    <context>
        <name>paperboy::RuleDialog</name>
        <message>
            <location filename="../../ui/rank/rule_dialog.cpp" line="22" />
            <source>Rule for “%1”</source>
            <translation>“%1”的规则</translation>
        </message>
        <message>
            <location filename="../../ui/rank/rule_dialog.cpp" line="23" />
            <source>When an import or a fetch adds papers that the search “%1” finds, Paperboy can act on them for you. Papers already in the library are left alone.</source>
            <translation>导入或获取新论文时，若搜索“%1”能找到它们，Paperboy 可以替你处理。库中已有的论文不受影响。</translation>
        </message>
        <message>
            <location filename="../../ui/rank/rule_dialog.cpp" line="32" />
            <source>Nothing (no rule)</source>
            <translation>不处理（无规则）</translation>
        </message>
        <message>
            <location filename="../../ui/rank/rule_dialog.cpp" line="33" />
            <source>Add a tag</source>
            <translation>添加标签</translation>
        </message>
        <message>
            <location filename="../../ui/rank/rule_dialog.cpp" line="34" />
            <source>Star them</source>
            <translation>收藏</translation>
        </message>
        <message>
            <location filename="../../ui/rank/rule_dialog.cpp" line="35" />
            <source>Mark them read</source>
            <translation>标为已读</translation>
        </message>
        <message>
            <location filename="../../ui/rank/rule_dialog.cpp" line="36" />
            <source>Not interested</source>
            <translation>不感兴趣</translation>
        </message>
        <message>
            <location filename="../../ui/rank/rule_dialog.cpp" line="37" />
            <source>Highlight them in lists</source>
            <translation>在列表中突出显示</translation>
        </message>
        <message>
            <location filename="../../ui/rank/rule_dialog.cpp" line="40" />
            <source>tag name</source>
            <translation>标签名</translation>
        </message>
        <message>
            <location filename="../../ui/rank/rule_dialog.cpp" line="47" />
            <source>Action:</source>
            <translation>操作：</translation>
        </message>
        <message>
            <location filename="../../ui/rank/rule_dialog.cpp" line="48" />
            <source>Tag:</source>
            <translation>标签：</translation>
        </message>
    </context>
    <context>
        <name>paperboy::FollowButton</name>
        <message>
            <source>Follow</source>
            <translation>关注</translation>
        </message>
        <message>
            <source>Follow an author: their papers are marked in every list</source>
            <translation>关注作者：其论文会在所有列表中标出</translation>
        </message>
        <message numerus="yes">
            <source>Following %n authors</source>
            <translation>
                <numerusform>已关注 %n 位作者</numerusform>
            </translation>
        </message>
        <message>
            <source>Following: %1</source>
            <translation>已关注：%1</translation>
        </message>
    </context>
    <context>
        <name>paperboy::PdfController</name>
        <message>
            <source>it could not be written to the library</source>
            <translation>无法写入文库</translation>
        </message>
        <message>
            <source>Opened the PDF kept offline: %1</source>
            <translation>已打开离线保存的 PDF：%1</translation>
        </message>
        <message>
            <source>The desktop could not open %1.</source>
            <translation>桌面无法打开 %1。</translation>
        </message>
        <message>
            <source>The PDF of %1 is being downloaded.</source>
            <translation>%1 的 PDF 正在下载。</translation>
        </message>
        <message>
            <source>No PDF Kept Offline</source>
            <translation>没有离线保存的 PDF</translation>
        </message>
        <message>
            <source>No PDF of %1 is kept offline. Download it now? Its text then becomes searchable.</source>
            <translation>%1 没有离线保存的 PDF。现在下载吗？下载后其全文即可搜索。</translation>
        </message>
        <message>
            <source>Download</source>
            <translation>下载</translation>
        </message>
        <message>
            <source>Open Online</source>
            <translation>在线打开</translation>
        </message>
        <message>
            <source>No PDF link to open.</source>
            <translation>没有可打开的 PDF 链接。</translation>
        </message>
        <message>
            <source>Opened %1.</source>
            <translation>已打开 %1。</translation>
        </message>
        <message>
            <source>Downloading the PDF of %1…</source>
            <translation>正在下载 %1 的 PDF…</translation>
        </message>
        <message>
            <source>The PDF of %1 was not kept: %2</source>
            <translation>%1 的 PDF 未保存：%2</translation>
        </message>
        <message>
            <source>The PDF of %1 is kept offline and searchable.</source>
            <translation>%1 的 PDF 已离线保存，可搜索全文。</translation>
        </message>
    </context>
    <context>
        <name>paperboy::PdfLine</name>
        <message>
            <source>Downloading the PDF…</source>
            <translation>正在下载 PDF…</translation>
        </message>
        <message>
            <source>PDF not kept: %1</source>
            <translation>PDF 未保存：%1</translation>
        </message>
        <message>
            <source>The kept PDF is missing from the data folder.</source>
            <translation>保存的 PDF 已不在数据文件夹中。</translation>
        </message>
        <message>
            <source>PDF kept offline, %1; its text is being read.</source>
            <translation>PDF 已离线保存，%1；正在读取其文字。</translation>
        </message>
        <message numerus="yes">
            <source>PDF kept offline: %n pages, %1.</source>
            <translation>
                <numerusform>PDF 已离线保存：%n 页，%1。</numerusform>
            </translation>
        </message>
        <message>
            <source>The search's words are on page %1.</source>
            <translation>搜索词在第 %1 页。</translation>
        </message>
        <message>
            <source>The search's words are on pages %1.</source>
            <translation>搜索词在第 %1 页。</translation>
        </message>
        <message>
            <source>No PDF kept offline.</source>
            <translation>没有离线保存的 PDF。</translation>
        </message>
        <message>
            <source>Open PDF</source>
            <translation>打开 PDF</translation>
        </message>
        <message>
            <source>Download Again</source>
            <translation>重新下载</translation>
        </message>
        <message>
            <source>Download PDF</source>
            <translation>下载 PDF</translation>
        </message>
        <message>
            <source>Remove PDF</source>
            <translation>删除 PDF</translation>
        </message>
    </context>
    <context>
        <name>paperboy::PdfPage</name>
        <message>
            <source>PDFs kept offline</source>
            <translation>离线保存的 PDF</translation>
        </message>
        <message>
            <source>Download the PDF of every paper I star</source>
            <translation>下载我加星标的每篇论文的 PDF</translation>
        </message>
        <message>
            <source> MB</source>
            <translation> MB</translation>
        </message>
        <message>
            <source>Largest PDF:</source>
            <translation>PDF 大小上限：</translation>
        </message>
        <message>
            <source>PDF address:</source>
            <translation>PDF 地址：</translation>
        </message>
        <message>
            <source>{id} becomes the paper's arXiv ID. Press P on a paper to open its PDF, or to download it; the text of kept PDFs is searchable, and fulltext:WORD searches only there.</source>
            <translation>{id} 会替换为论文的 arXiv ID。在论文上按 P 打开其 PDF 或下载它；已保存 PDF 的文字可以搜索，fulltext:词语 只在其中搜索。</translation>
        </message>
        <message>
            <source>The PDF address must be an http(s) address with {id} in it.</source>
            <translation>PDF 地址必须是包含 {id} 的 http(s) 地址。</translation>
        </message>
    </context>
    <context>
        <name>paperboy::SyncPage</name>
        <message>
            <location filename="../../ui/preferences/sync_page.cpp" line="26" />
            <source>Empty: no sync. Options follow &apos;?&apos;, for example ?sslmode=verify-full</source>
            <translation>留空：不同步。选项写在“?”之后，例如 ?sslmode=verify-full</translation>
        </message>
        <message>
            <location filename="../../ui/preferences/sync_page.cpp" line="28" />
            <source>Server:</source>
            <translation>服务器：</translation>
        </message>
        <message>
            <location filename="../../ui/preferences/sync_page.cpp" line="32" />
            <source>Password:</source>
            <translation>密码：</translation>
        </message>
        <message>
            <location filename="../../ui/preferences/sync_page.cpp" line="41" />
            <source>Kept in the desktop&apos;s secret store. Left empty, the stored one (or PGPASSWORD, ~/.pgpass) is used.</source>
            <translation>保存在桌面的密钥库中。留空则使用已保存的密码（或 PGPASSWORD、~/.pgpass）。</translation>
        </message>
        <message>
            <location filename="../../ui/preferences/sync_page.cpp" line="43" />
            <source>No secret store on this desktop: set PGPASSWORD or use ~/.pgpass.</source>
            <translation>此桌面没有密钥库：请设置 PGPASSWORD 或使用 ~/.pgpass。</translation>
        </message>
        <message>
            <location filename="../../ui/preferences/sync_page.cpp" line="49" />
            <source> min</source>
            <translation> 分钟</translation>
        </message>
        <message>
            <location filename="../../ui/preferences/sync_page.cpp" line="50" />
            <source>Only at start, close and Sync Now</source>
            <translation>仅在启动、关闭和“立即同步”时</translation>
        </message>
        <message>
            <location filename="../../ui/preferences/sync_page.cpp" line="51" />
            <source>Sync every:</source>
            <translation>同步间隔：</translation>
        </message>
        <message>
            <location filename="../../ui/preferences/sync_page.cpp" line="90" />
            <source>Password Not Stored</source>
            <translation>密码未保存</translation>
        </message>
        <message>
            <location filename="../../ui/preferences/sync_page.cpp" line="91" />
            <source>The desktop&apos;s secret store did not take the sync password (%1). Set PGPASSWORD or use ~/.pgpass instead.</source>
            <translation>桌面的密钥库未能保存同步密码（%1）。请改为设置 PGPASSWORD 或使用 ~/.pgpass。</translation>
        </message>
    </context>
    <context>
        <name>paperboy::WindowSync</name>
        <message>
            <location filename="../../ui/sync/window_sync.cpp" line="19" />
            <source>S&amp;ync Now</source>
            <translation>立即同步(&amp;Y)</translation>
        </message>
        <message>
            <location filename="../../ui/sync/window_sync.cpp" line="31" />
            <source>Syncing with the server…</source>
            <translation>正在与服务器同步…</translation>
        </message>
        <message>
            <location filename="../../ui/sync/window_sync.cpp" line="34" />
            <source>Sync is off: %1</source>
            <translation>同步已关闭：%1</translation>
        </message>
        <message>
            <location filename="../../ui/sync/window_sync.cpp" line="61" />
            <source>Sync failed: %1</source>
            <translation>同步失败：%1</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/sync/window_sync.cpp" line="64" />
            <source>Synced with %1: %n change sent</source>
            <translation>
                <numerusform>已与 %1 同步：发送 %n 项</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/sync/window_sync.cpp" line="65" />
            <source>, %n change received</source>
            <translation>
                <numerusform>，接收 %n 项</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/sync/window_sync.cpp" line="67" />
            <source>, %n item edited on both sides (the newer kept; notes keep both texts)</source>
            <translation>
                <numerusform>，%n 项两边都改过（保留较新的；笔记两份文本都保留）</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>paperboy::UserData</name>
        <message>
            <source>The PDF was removed from the library, but %1 could not be deleted.</source>
            <translation>PDF 已从文库中移除，但无法删除 %1。</translation>
        </message>
    </context>
    <context>
        <name>paperboy::ZoteroController</name>
        <message>
            <location filename="../../ui/desk/zotero_controller.cpp" line="24" />
            <source>No paper selected.</source>
            <translation>未选择论文。</translation>
        </message>
        <message>
            <location filename="../../ui/desk/zotero_controller.cpp" line="28" />
            <source>Still saving to Zotero; try again in a moment.</source>
            <translation>仍在保存到 Zotero，请稍后再试。</translation>
        </message>
        <message>
            <location filename="../../ui/desk/zotero_controller.cpp" line="40" />
            <source>Saved %1 to Zotero.</source>
            <translation>已将 %1 保存到 Zotero。</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/desk/zotero_controller.cpp" line="41" />
            <source>Saved %n papers to Zotero.</source>
            <translation>
                <numerusform>已将 %n 篇论文保存到 Zotero。</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/desk/zotero_controller.cpp" line="45" />
            <source>Zotero is not running: start Zotero's desktop app, then press Z again. (Nothing answers at %1.)</source>
            <translation>Zotero 没有运行：请启动 Zotero 桌面程序，然后再按 Z。（%1 没有应答。）</translation>
        </message>
        <message>
            <location filename="../../ui/desk/zotero_controller.cpp" line="50" />
            <source>Zotero did not save the paper: %1</source>
            <translation>Zotero 没有保存论文：%1</translation>
        </message>
        <message>
            <location filename="../../ui/desk/zotero_controller.cpp" line="53" />
            <source>Saving %1 to Zotero…</source>
            <translation>正在将 %1 保存到 Zotero…</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/desk/zotero_controller.cpp" line="54" />
            <source>Saving %n papers to Zotero…</source>
            <translation>
                <numerusform>正在将 %n 篇论文保存到 Zotero…</numerusform>
            </translation>
        </message>
    </context>
</TS>

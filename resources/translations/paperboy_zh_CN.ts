<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>paperboy::PreferencesDialog</name>
    <message>
        <location filename="../../ui/preferences_dialog.cpp" line="43"/>
        <source>arXiv RSS feeds:</source>
        <translation>arXiv RSS 订阅源：</translation>
    </message>
    <message>
        <location filename="../../ui/preferences_dialog.cpp" line="44"/>
        <source>The categories are appended, joined by +</source>
        <translation>分类名以 + 连接后附加在末尾</translation>
    </message>
    <message>
        <location filename="../../ui/preferences_dialog.cpp" line="45"/>
        <source>arXiv API:</source>
        <translation>arXiv API：</translation>
    </message>
    <message>
        <location filename="../../ui/preferences_dialog.cpp" line="46"/>
        <source>Past days and paper details</source>
        <translation>用于获取往日列表和论文详情</translation>
    </message>
    <message>
        <location filename="../../ui/preferences_dialog.cpp" line="47"/>
        <source>Hugging Face daily papers:</source>
        <translation>Hugging Face 每日论文：</translation>
    </message>
    <message>
        <location filename="../../ui/preferences_dialog.cpp" line="48"/>
        <source>The day is added as ?date=YYYY-MM-DD</source>
        <translation>日期以 ?date=YYYY-MM-DD 形式附加</translation>
    </message>
    <message>
        <location filename="../../ui/preferences_dialog.cpp" line="50"/>
        <source>Digest address template:</source>
        <translation>速递地址模板：</translation>
    </message>
    <message>
        <location filename="../../ui/preferences_dialog.cpp" line="51"/>
        <source>{date} becomes the day (YYYY-MM-DD), {lang} the digest language</source>
        <translation>{date} 替换为日期（YYYY-MM-DD），{lang} 替换为速递语言</translation>
    </message>
    <message>
        <location filename="../../ui/preferences_dialog.cpp" line="53"/>
        <source>Digest language:</source>
        <translation>速递语言：</translation>
    </message>
    <message>
        <location filename="../../ui/preferences_dialog.cpp" line="54"/>
        <source>As the digest files spell it: Chinese or English</source>
        <translation>与速递文件名中的写法一致：Chinese 或 English</translation>
    </message>
    <message>
        <location filename="../../ui/preferences_dialog.cpp" line="102"/>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <location filename="../../ui/preferences_dialog.cpp" line="107"/>
        <source>Papers</source>
        <translation>论文</translation>
    </message>
    <message>
        <location filename="../../ui/preferences_dialog.cpp" line="108"/>
        <source>Fetching</source>
        <translation>获取</translation>
    </message>
    <message>
        <location filename="../../ui/preferences_dialog.cpp" line="109"/>
        <source>Interface</source>
        <translation>界面</translation>
    </message>
    <message>
        <location filename="../../ui/preferences_dialog.cpp" line="110"/>
        <source>Library</source>
        <translation>论文库</translation>
    </message>
    <message>
        <location filename="../../ui/preferences_dialog.cpp" line="140"/>
        <source>for example: cs.CV cs.CL</source>
        <translation>例如：cs.CV cs.CL</translation>
    </message>
    <message>
        <location filename="../../ui/preferences_dialog.cpp" line="141"/>
        <source>The arXiv categories whose new papers are fetched each day</source>
        <translation>每天获取这些 arXiv 分类的新论文</translation>
    </message>
    <message>
        <location filename="../../ui/preferences_dialog.cpp" line="147"/>
        <source>Categories to follow:</source>
        <translation>关注的分类：</translation>
    </message>
    <message>
        <location filename="../../ui/preferences_dialog.cpp" line="148"/>
        <source>arXiv category names separated by spaces, such as cs.CV, cs.CL, math.OC or astro-ph.GA.</source>
        <translation>用空格分隔的 arXiv 分类名，例如 cs.CV、cs.CL、math.OC 或 astro-ph.GA。</translation>
    </message>
    <message>
        <location filename="../../ui/preferences_dialog.cpp" line="155"/>
        <source>English and Chinese</source>
        <translation>中英文对照</translation>
    </message>
    <message>
        <location filename="../../ui/preferences_dialog.cpp" line="157"/>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <location filename="../../ui/preferences_dialog.cpp" line="158"/>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <location filename="../../ui/preferences_dialog.cpp" line="159"/>
        <source>Abstracts in:</source>
        <translation>摘要语言：</translation>
    </message>
    <message>
        <location filename="../../ui/preferences_dialog.cpp" line="169"/>
        <source>When to fetch</source>
        <translation>何时获取</translation>
    </message>
    <message>
        <location filename="../../ui/preferences_dialog.cpp" line="171"/>
        <source>Fetch new papers when Paperboy starts</source>
        <translation>启动 Paperboy 时获取新论文</translation>
    </message>
    <message>
        <location filename="../../ui/preferences_dialog.cpp" line="174"/>
        <source>Fetch every day after arXiv announces new papers (20:00 US Eastern time)</source>
        <translation>每天在 arXiv 公布新论文后获取（美国东部时间 20:00）</translation>
    </message>
    <message>
        <location filename="../../ui/preferences_dialog.cpp" line="180"/>
        <source>Sources</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../ui/preferences_dialog.cpp" line="207"/>
        <source>Leave a field empty to use the address shown in it.</source>
        <translation>留空则使用框中显示的地址。</translation>
    </message>
    <message>
        <location filename="../../ui/preferences_dialog.cpp" line="221"/>
        <source>System (%1)</source>
        <translation>跟随系统（%1）</translation>
    </message>
    <message>
        <location filename="../../ui/preferences_dialog.cpp" line="228"/>
        <source>Interface language:</source>
        <translation>界面语言：</translation>
    </message>
    <message>
        <location filename="../../ui/preferences_dialog.cpp" line="230"/>
        <source>Takes effect when Paperboy restarts.</source>
        <translation>重新启动 Paperboy 后生效。</translation>
    </message>
    <message>
        <location filename="../../ui/preferences_dialog.cpp" line="240"/>
        <source>Library file</source>
        <translation>论文库文件</translation>
    </message>
    <message>
        <location filename="../../ui/preferences_dialog.cpp" line="243"/>
        <location filename="../../ui/preferences_dialog.cpp" line="264"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../ui/preferences_dialog.cpp" line="249"/>
        <source>Library File</source>
        <translation>论文库文件</translation>
    </message>
    <message>
        <location filename="../../ui/preferences_dialog.cpp" line="250"/>
        <source>Paperboy library (*.sqlite *.db);;All files (*)</source>
        <translation>Paperboy 论文库 (*.sqlite *.db);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../ui/preferences_dialog.cpp" line="255"/>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <location filename="../../ui/preferences_dialog.cpp" line="256"/>
        <source>Takes effect when Paperboy restarts. A new file starts as an empty library.</source>
        <translation>重新启动 Paperboy 后生效。新文件将是一个空的论文库。</translation>
    </message>
    <message>
        <location filename="../../ui/preferences_dialog.cpp" line="261"/>
        <source>Automatic backups of stars, notes and tags</source>
        <translation>自动备份收藏、笔记和标签</translation>
    </message>
    <message>
        <location filename="../../ui/preferences_dialog.cpp" line="270"/>
        <source>Backup Folder</source>
        <translation>备份文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/preferences_dialog.cpp" line="274"/>
        <source>Folder:</source>
        <translation>文件夹：</translation>
    </message>
    <message>
        <location filename="../../ui/preferences_dialog.cpp" line="278"/>
        <source>None</source>
        <translation>不备份</translation>
    </message>
    <message>
        <location filename="../../ui/preferences_dialog.cpp" line="279"/>
        <source>Daily backups to keep:</source>
        <translation>保留的每日备份数：</translation>
    </message>
    <message>
        <location filename="../../ui/preferences_dialog.cpp" line="309"/>
        <source>Not an arXiv category: %1</source>
        <translation>不是 arXiv 分类：%1</translation>
    </message>
    <message>
        <location filename="../../ui/preferences_dialog.cpp" line="311"/>
        <source>Follow at least one category.</source>
        <translation>请至少关注一个分类。</translation>
    </message>
    <message>
        <location filename="../../ui/preferences_dialog.cpp" line="374"/>
        <source>&amp;Preferences…</source>
        <translation>首选项(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../ui/preferences_dialog.cpp" line="388"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
</context>
<context>
    <name>paperboy::WelcomeDialog</name>
    <message>
        <location filename="../../ui/welcome_dialog.cpp" line="44"/>
        <location filename="../../ui/welcome_dialog.cpp" line="48"/>
        <source>Welcome to Paperboy</source>
        <translation>欢迎使用 Paperboy</translation>
    </message>
    <message>
        <location filename="../../ui/welcome_dialog.cpp" line="56"/>
        <source>Paperboy keeps each day&apos;s arXiv papers on your computer, with English and Chinese side by side. A sample digest is included so you can look around.

To read your own field, choose the arXiv categories you follow, then fetch today&apos;s listing. Press F1 at any time to see the keyboard shortcuts.</source>
        <translation>Paperboy 将每天的 arXiv 论文保存在您的电脑上，中英文对照阅读。已附带一份示例速递，方便您先四处看看。

要阅读您自己领域的论文，请先选择关注的 arXiv 分类，然后获取今天的列表。随时按 F1 查看键盘快捷键。</translation>
    </message>
    <message>
        <location filename="../../ui/welcome_dialog.cpp" line="69"/>
        <source>Choose Categories…</source>
        <translation>选择分类…</translation>
    </message>
    <message>
        <location filename="../../ui/welcome_dialog.cpp" line="72"/>
        <source>Fetch Today&apos;s Papers</source>
        <translation>获取今天的论文</translation>
    </message>
</context>
</TS>

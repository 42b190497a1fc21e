-- Cache and user data every upgrade fixture holds (schema version 1 tables only).
-- tst_upgrade_fixtures.cpp reads these rows back from each fixture before and after the
-- upgrade, so the values here are not repeated in the test.
INSERT INTO papers (id, arxiv_id, version, title, authors, abstract, categories,
                    primary_category, comment, published, updated, code_url, code_url_source,
                    metadata_rank) VALUES
 (1, '2306.05544', 2, 'BOOT: Data-free Distillation of Denoising Diffusion Models',
  'Jiatao Gu' || char(31) || 'Shuangfei Zhai' || char(31) || 'Yizhe Zhang',
  'Diffusion models have demonstrated excellent potential for generating diverse images.',
  'cs.CV cs.LG', 'cs.CV', '21 pages', '2023-06-08', '2023-06-09',
  'https://github.com/apple/ml-boot', 'digest', 1),
 (2, '2403.00001', 1, 'Sparse Attention in $\mathcal{O}(n)$ Time', 'Ada Lovelace' || char(31) || 'Alan Turing',
  'We propose a "linear" attention; it''s fast.', 'cs.CV', 'cs.CV', NULL, '2024-03-13',
  '2024-03-13', NULL, NULL, 0),
 (3, '2403.00002', 0, 'Second Day Paper Two', 'Grace Hopper', NULL, 'cs.CV', 'cs.CV', NULL,
  NULL, NULL, NULL, NULL, 0),
 (4, 'math/0601001', 3, 'An Old-Style Identifier', 'Émile Borel', 'Measure theory.',
  'math.PR', 'math.PR', NULL, '2006-01-01', '2006-02-01', NULL, NULL, 1),
 (5, '2411.17001', 1, 'Listed Only In The Feed', 'Jane Doe', 'An RSS paper.', 'cs.CV cs.AI',
  'cs.CV', NULL, '2024-11-27', '2024-11-27', NULL, NULL, 1);

INSERT INTO digests (id, date, source, category, title, same_as, entry_count, imported_at) VALUES
 (1, '2024-03-14', 'meiri-xueshu-sudi', 'cs.CV', '每日学术速递3.14', NULL, 3,
  '2024-03-14T12:00:00.000Z'),
 (2, '2024-11-28', 'arxiv-rss', 'cs.CV', 'cs.CV updates on arXiv.org', NULL, 2,
  '2024-11-28T06:00:00.000Z'),
 (3, '2024-03-15', 'meiri-xueshu-sudi', 'cs.CV', '每日学术速递3.15', '2024-03-14', 1,
  '2024-03-15T12:00:00.000Z');

INSERT INTO digest_entries (id, digest_id, paper_id, position, announce_type, code_url,
                            code_url_warning, upvotes, organisation) VALUES
 (1, 1, 1, 1, NULL, 'https://github.com/apple/ml-boot', NULL, NULL, NULL),
 (2, 1, 2, 2, NULL, NULL, NULL, NULL, NULL),
 (3, 1, 3, 3, NULL, 'javascript:alert(1)', 'not an http(s) link', NULL, NULL),
 (4, 2, 5, 1, 'new', NULL, NULL, NULL, NULL),
 (5, 2, 1, 2, 'replace', NULL, NULL, 12, 'Apple'),
 (6, 3, 1, 1, NULL, NULL, NULL, NULL, NULL);

INSERT INTO entry_translations (id, entry_id, language, title, abstract) VALUES
 (1, 1, 'zh', 'BOOT:无数据蒸馏去噪扩散模型', '扩散模型在生成多样化图像方面展现了巨大潜力。'),
 (2, 2, 'zh', '线性时间的稀疏注意力', '我们提出 <b>线性</b> 注意力。'),
 (3, 3, 'zh', '第二天的第二篇论文', NULL),
 (4, 6, 'zh', 'BOOT:无数据蒸馏', NULL);

INSERT INTO entry_ai_summaries (entry_id, language, tldr, motivation, method, result,
                                conclusion, keywords) VALUES
 (4, 'zh', '一篇只在订阅源里出现的论文。', '动机', '方法', '结果', '结论',
  '订阅' || char(31) || 'RSS');

-- User data: stars, read marks, notes (multi-line, quotes, CJK), tags, saved searches, and
-- user data for a paper the cache does not hold (it must survive too).
INSERT INTO user_papers (arxiv_id, starred, starred_changed, read, read_changed, note,
                         note_changed) VALUES
 ('2306.05544', 1, '2024-03-15T08:00:00.000Z', 1, '2024-03-15T08:01:00.000Z',
  '读完了: check Table 2' || char(10) || 'then the "ablation" — it''s short', '2024-03-15T09:00:00.000Z'),
 ('2403.00001', 1, '2024-03-16T10:00:00.000Z', 0, NULL, NULL, NULL),
 ('2403.00002', 0, '2024-03-16T10:05:00.000Z', 1, '2024-03-16T10:06:00.000Z', '', '2024-03-16T10:07:00.000Z'),
 ('math/0601001', 0, NULL, 0, NULL, '<b>not bold</b> & not a link: javascript:alert(1)',
  '2024-03-17T11:00:00.000Z'),
 ('9999.99999', 1, '2024-03-18T12:00:00.000Z', 1, '2024-03-18T12:00:00.000Z',
  'a paper this library never fetched', '2024-03-18T12:00:01.000Z');

INSERT INTO user_tags (arxiv_id, tag, added) VALUES
 ('2306.05544', 'diffusion', '2024-03-15T08:00:00.000Z'),
 ('2306.05544', '蒸馏', '2024-03-15T08:00:01.000Z'),
 ('2403.00001', 'to read', '2024-03-16T10:00:00.000Z'),
 ('9999.99999', 'diffusion', '2024-03-18T12:00:00.000Z');

INSERT INTO saved_searches (name, query, created) VALUES
 ('Diffusion, starred', 'diffusion is:starred', '2024-03-15T08:30:00.000Z'),
 ('蒸馏', 'tag:蒸馏 -is:read', '2024-03-15T08:31:00.000Z');

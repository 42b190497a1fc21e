-- Rows of the schema version 11 tables (issue #17): the user's own Chinese (user data) and a
-- translation service's (derived, with its provenance).
INSERT INTO user_translations (arxiv_id, language, title, abstract, changed) VALUES
 ('2403.00001', 'zh', '线性时间的稀疏注意力', NULL, '2024-03-21T09:00:00.000Z');
INSERT INTO machine_translations (paper_id, language, title, abstract, provider, model,
                                  created, source_hash, stale) VALUES
 (2, 'zh', '$\mathcal{O}(n)$ 时间的稀疏注意力', '机器翻译的摘要。', 'deepl', NULL,
  '2024-03-21T08:00:00.000Z', '0123456789abcdef', 0);

-- Rows of the schema version 4 table (bulk import checkpoints).
INSERT INTO import_checkpoints (file_key, path, offset, line, papers, finished, updated) VALUES
 ('/home/reader/arxiv-metadata-oai-snapshot.json|4600000000|2024-03-01T00:00:00', 
  '/home/reader/arxiv-metadata-oai-snapshot.json', 1048576, 1201, 1200, 0,
  '2024-03-20T10:00:00.000Z');

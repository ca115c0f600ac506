// 006: covering indexes for ranking search candidates. A text search joins up to a thousand FTS5
// candidates to their excerpt's source and the source's date and edition; reading those from the
// tables touches one (encrypted, so decrypted) page per row, because excerpt rows carry their text.
// These narrow indexes hold just the keys, many to a page.
export default {
  version: 6,
  name: 'evidence_rank_indexes',
  sql: `
    CREATE INDEX excerpts_rank ON excerpts (seq, source_id);
    CREATE INDEX sources_rank ON sources (id, superseded_by_id, date_first);
  `,
};

// 004: a stored, folded search column on cases. Search-as-you-type used to fold every row through
// a JavaScript function on each keystroke (11–22 ms on 10,000 cases); now the folding happens once
// per write (cases/repository.ts keeps it current) and a keystroke is a plain LIKE scan.
export default {
  version: 4,
  name: 'case_search_text',
  sql: `
    ALTER TABLE cases ADD COLUMN search_text TEXT NOT NULL DEFAULT '';
    UPDATE cases SET search_text = bc_fold(reference || ' ' || client_name || ' ' || coalesce(client_name_original, ''));
  `,
};

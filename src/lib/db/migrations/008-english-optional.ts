/**
 * English is optional for a piece: many small workshops write only Indonesian. An empty English title
 * (or description) means "not translated yet"; English pages then show the Indonesian text, marked
 * as Indonesian, until the artisan or a curator adds a translation.
 */
export default `
ALTER TABLE products DROP CONSTRAINT IF EXISTS products_title_en_check;
ALTER TABLE products ADD CONSTRAINT products_title_en_check CHECK (length(title_en) <= 160);
`;

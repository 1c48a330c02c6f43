-- Issue 15, numbering: rectification notices are numbered per year in the issuing region's prefix through casework's
-- document numbering (document_sequence); the numbers already issued as 沅整改〔YYYY〕NNNN号 keep their place, so
-- the next notice of such a year follows the highest of them.
INSERT INTO document_sequence (prefix, kind, year, last_seq)
SELECT '沅', 'RECTIFICATION', EXTRACT(YEAR FROM issued_on)::int,
       max(substring(number FROM '〕0*([0-9]+)号')::int)
  FROM rectification_order WHERE number ~ '^沅整改〔[0-9]{4}〕[0-9]+号$'
 GROUP BY EXTRACT(YEAR FROM issued_on)
ON CONFLICT (prefix, kind, year) DO UPDATE SET last_seq = greatest(document_sequence.last_seq, EXCLUDED.last_seq);

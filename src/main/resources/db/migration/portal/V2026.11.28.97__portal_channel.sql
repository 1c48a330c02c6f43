-- Submissions made on the portal before it had its own channel were registered as platform clues: they move over.
UPDATE case_file SET channel = 'PORTAL' WHERE id IN (SELECT case_id FROM portal_submission);

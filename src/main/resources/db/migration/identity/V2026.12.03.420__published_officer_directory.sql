-- What the other modules may read of the officers (issue 22: each module owns its tables): who they are and where
-- they work and (encrypted) how to reach them, never their passwords or ID numbers. Declared in identity's
-- package-info (@PublishedTables).
CREATE VIEW officer_directory AS
SELECT id, username, display_name, region_code, department_id, organisation_code, organisation_name, grid_code, title,
       mobile_cipher, enabled
  FROM officer;

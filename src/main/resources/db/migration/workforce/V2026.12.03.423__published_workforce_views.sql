-- Workers, their employment per project, attendance and the import versions as payroll and the portal read them
-- (issue 22: each module owns its tables). A view's columns are fixed when it is created.
CREATE VIEW published_worker AS SELECT * FROM worker;
CREATE VIEW published_employment AS SELECT * FROM employment;
CREATE VIEW published_attendance AS SELECT * FROM attendance;
CREATE VIEW published_data_import AS SELECT * FROM data_import;

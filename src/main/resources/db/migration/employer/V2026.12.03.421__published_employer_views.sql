-- The employer register and its grids as the other modules read them (issue 22: each module owns its tables).
-- A view's columns are fixed when it is created: a column added to the table later is published by replacing the view.
CREATE VIEW published_employer AS SELECT * FROM employer;
CREATE VIEW published_grid AS SELECT * FROM grid;

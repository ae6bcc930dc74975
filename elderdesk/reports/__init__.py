"""Reports: plain data in, PDF or xlsx files out; never the database, never Qt."""

"""The dashboard's pages: thin, drawing with the tested pure functions of dashboard/."""

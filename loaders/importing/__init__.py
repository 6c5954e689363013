"""`targets import`: a published report (PDF, web page, Word, text) read into a seeds/ text."""

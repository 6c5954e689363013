"""Reading a report text: its paragraphs, parts and chapters, and quotes found in it."""

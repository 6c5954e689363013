"""What a load keeps on disk and in memory: files read, outcomes, report texts."""

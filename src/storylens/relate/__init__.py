"""Relations across documents: one entity across spellings, scripts and languages."""

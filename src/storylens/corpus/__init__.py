"""Reading: files and folders in, raw documents (or reasons for skipping) out."""

from storylens.corpus.files import Skipped, ToRead, iter_files, plan_reading, read_file, read_one, read_paths

__all__ = ["Skipped", "ToRead", "iter_files", "plan_reading", "read_file", "read_one", "read_paths"]

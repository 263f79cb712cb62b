"""Reading: files and folders in, raw documents (or reasons for skipping) out."""

from storylens.corpus.files import Skipped, iter_files, read_file, read_paths

__all__ = ["Skipped", "iter_files", "read_file", "read_paths"]

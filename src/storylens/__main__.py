from storylens.cli import cli

cli()

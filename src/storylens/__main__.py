from storylens.cli import cli

if __name__ == "__main__":  # worker processes import this module again: they must not run the CLI
    cli()

"""The subcommands. Each module has ``add_parser(subparsers, common)`` and ``run(args)``."""

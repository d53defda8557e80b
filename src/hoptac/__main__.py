"""``python -m hoptac``: the same as the ``hoptac`` command."""

from hoptac.cli import main

if __name__ == "__main__":
    main()

"""Every command has help text (a command without it is undocumented)."""

from click.testing import CliRunner

from hoptac.cli import main


def walk(group, prefix=()):
    for name, cmd in group.commands.items():
        yield (*prefix, name), cmd
        if hasattr(cmd, "commands"):
            yield from walk(cmd, (*prefix, name))


def test_every_command_has_help():
    missing = [" ".join(path) for path, cmd in walk(main) if not (cmd.help or "").strip()]
    assert not missing, f"commands without help: {missing}"


def test_help_runs():
    result = CliRunner().invoke(main, ["--help"])
    assert result.exit_code == 0
    assert "extract" in result.output

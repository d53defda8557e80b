"""Dashboard sessions: signed ids any process sharing the key accepts, refused when forged or expired."""

from __future__ import annotations

from hoptac.api.sessions import Sessions


def test_a_session_holds_on_every_process_sharing_the_key():
    one, two, stranger = Sessions(key=b"k" * 32), Sessions(key=b"k" * 32), Sessions(key=b"x" * 32)
    sid = one.new()
    assert one.valid(sid) and two.valid(sid)
    assert not stranger.valid(sid)
    assert one.derive("csrf") == two.derive("csrf") != stranger.derive("csrf")
    assert one.new() != sid  # each sign-in its own id


def test_forged_malformed_and_expired_ids_are_refused():
    s = Sessions(key=b"k" * 32)
    sid = s.new()
    body, mac = sid.rsplit(".", 1)
    rand, expires = body.split(".")
    assert not s.valid(f"{rand}.{int(expires) + 3600}.{mac}")  # a later expiry, same signature
    assert not s.valid(f"{body}.{'0' * len(mac)}")
    for bad in (None, "", "abc", "a.b", "a.b.c.d"):
        assert not s.valid(bad)
    past = Sessions(ttl=-1, key=b"k" * 32)
    assert not past.valid(past.new())


def test_an_ended_session_is_refused():
    s = Sessions(key=b"k" * 32)
    sid, other = s.new(), s.new()
    s.end(sid)
    assert not s.valid(sid) and s.valid(other)

"""Build plugin managers: the built-in and installed plugins, loaded one entry point at a time.

There is no global manager. :func:`get_plugin_manager` builds a fresh one each time; the API and
the CLI use it, and tests build their own. A broken entry point is recorded in
``PluginSet.load_errors`` and skipped; it never stops the others from loading.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from importlib import metadata
from typing import Any

import pluggy
from attrs import frozen

from geonews import hookspecs
from geonews.types import PluginError

__all__ = ["ENTRY_POINT_GROUP", "PluginInfo", "PluginSet", "get_plugin_manager", "plugin_infos"]

ENTRY_POINT_GROUP = "geonews"
BUILTIN_DISTRIBUTION = "geonews"


@frozen
class PluginInfo:
    """What ``geonews plugins`` shows for one plugin."""

    name: str
    version: str | None
    builtin: bool
    kinds: tuple[str, ...]
    hooks: tuple[str, ...]
    error: str | None = None


@frozen
class PluginSet:
    """A plugin manager plus what happened while it was built."""

    pm: pluggy.PluginManager
    load_errors: tuple[PluginError, ...]
    infos: tuple[PluginInfo, ...]


def _split(names: str | Iterable[str] | None) -> set[str]:
    if names is None:
        return set()
    if isinstance(names, str):
        names = names.split(",")
    return {n.strip() for n in names if n.strip()}


def kinds_of(plugin: object) -> tuple[str, ...]:
    """The claim and entity kinds a plugin declares (``CLAIM_KINDS`` / ``ENTITY_KINDS``)."""
    kinds: list[str] = []
    for attr in ("CLAIM_KINDS", "ENTITY_KINDS"):
        kinds.extend(getattr(plugin, attr, ()) or ())
    return tuple(kinds)


def get_plugin_manager(
    *,
    plugins: Sequence[object] = (),
    disable: str | Iterable[str] | None = None,
    only: str | Iterable[str] | None = None,
    load_entrypoints: bool = True,
) -> PluginSet:
    """Build a fresh plugin manager.

    :param plugins: plugin objects (modules, classes or instances with hook implementations) to
        register explicitly. Their name is their ``name`` attribute, or their class or module
        name.
    :param disable: names of plugins not to run (comma-separated string or iterable).
    :param only: if given, run only these plugins. ``GEONEWS_PLUGINS`` in the environment has
        the same effect when ``only`` is None.
    :param load_entrypoints: load the ``geonews`` entry-point group (the built-ins included).
    """
    pm = pluggy.PluginManager(hookspecs.PROJECT)
    pm.add_hookspecs(hookspecs)
    disabled = _split(disable)
    wanted = _split(only if only is not None else os.environ.get("GEONEWS_PLUGINS"))
    errors: list[PluginError] = []
    infos: list[PluginInfo] = []

    def allowed(name: str) -> bool:
        return name not in disabled and (not wanted or name in wanted)

    if load_entrypoints:
        eps = sorted(metadata.entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name)
        for ep in eps:
            dist = ep.dist
            version = dist.version if dist is not None else None
            builtin = dist is not None and dist.metadata["Name"] == BUILTIN_DISTRIBUTION
            if not allowed(ep.name):
                continue
            try:
                obj = ep.load()
                if pm.has_plugin(ep.name):
                    raise ValueError(f"a plugin named {ep.name!r} is already registered")
                pm.register(obj, name=ep.name)
            except Exception as exc:  # a broken plugin must never stop the others
                msg = f"could not load entry point {ep.value!r}: {type(exc).__name__}: {exc}"
                errors.append(PluginError(plugin=ep.name, message=msg, hook="load"))
                infos.append(PluginInfo(ep.name, version, builtin, (), (), error=msg))
                continue
            infos.append(PluginInfo(ep.name, version, builtin, kinds_of(obj), _hooks(pm, obj)))

    for obj in plugins:
        name = plugin_name(obj)
        if not allowed(name):
            continue
        if pm.has_plugin(name):
            pm.unregister(name=name)  # an explicit plugin overrides an installed one
            infos = [i for i in infos if i.name != name]
        try:
            pm.register(obj, name=name)
        except Exception as exc:
            msg = f"could not register plugin: {type(exc).__name__}: {exc}"
            errors.append(PluginError(plugin=name, message=msg, hook="load"))
            infos.append(PluginInfo(name, None, False, (), (), error=msg))
            continue
        infos.append(PluginInfo(name, None, False, kinds_of(obj), _hooks(pm, obj)))
    return PluginSet(pm=pm, load_errors=tuple(errors), infos=tuple(infos))


def plugin_name(obj: object) -> str:
    """The name under which an explicitly passed plugin object is registered."""
    name = getattr(obj, "name", None)
    if isinstance(name, str) and name:
        return name
    if isinstance(obj, type):
        return obj.__name__
    mod_name = getattr(obj, "__name__", None)
    if isinstance(mod_name, str):
        return mod_name.rsplit(".", 1)[-1]
    return type(obj).__name__


def _hooks(pm: pluggy.PluginManager, obj: object) -> tuple[str, ...]:
    callers: list[Any] = pm.get_hookcallers(obj) or []
    return tuple(sorted(c.name for c in callers))


def plugin_infos(**kwargs: Any) -> tuple[PluginInfo, ...]:
    """Describe the plugins a manager built with ``kwargs`` would run."""
    return get_plugin_manager(**kwargs).infos

"""Events: the happenings the body's dates date, with what happened and who took part."""

from vakanuvis.annotate.events.build import build_events

__all__ = ["build_events"]

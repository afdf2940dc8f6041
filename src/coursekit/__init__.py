"""coursekit: content model, validation and rendering for 社群运营实战课."""

__version__ = "0.1.0"

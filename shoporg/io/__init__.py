"""Readers and writers: design files (YAML) and, later, office formats."""

from .yaml_io import design_from_dict, design_to_dict, read_design, write_design

__all__ = ["read_design", "write_design", "design_from_dict", "design_to_dict"]

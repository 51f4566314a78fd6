"""Exporters: each turns a selection of approved questions into something people use."""

"""Tests of mamori.extract."""

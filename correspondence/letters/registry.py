"""Where templates, text blocks and house styles come from. Every letter loads its sources
through this one interface, so a versioned store can take the folder's place."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from correspondence.letters.errors import TemplateRefused

TEMPLATE_ROOT = Path(__file__).resolve().parents[2] / "templates_nl"


@dataclass(frozen=True)
class TemplateSource:
    name: str  # e.g. "brieven/decision-grant.docx"
    version: str  # content hash until versions are kept in the store
    content: bytes


class TemplateRegistry(Protocol):
    def letter(self, kind: str) -> TemplateSource: ...

    def block(self, name: str) -> TemplateSource: ...

    def block_names(self) -> list[str]: ...

    def house_style(self, municipality: str) -> TemplateSource: ...


class FolderRegistry:
    """The templates in a folder: brieven/KIND.docx, bouwstenen/NAME.docx, huisstijl/CODE.docx."""

    def __init__(self, root: Path = TEMPLATE_ROOT) -> None:
        self.root = root
        self._loaded: dict[str, tuple[tuple[int, int], TemplateSource]] = {}

    def _load(self, relative: str) -> TemplateSource:
        """The file's content and version; read again only when the file changed."""
        path = self.root / relative
        try:
            stat = path.stat()
            stamp = (stat.st_mtime_ns, stat.st_size)
            cached = self._loaded.get(relative)
            if cached and cached[0] == stamp:
                return cached[1]
            content = path.read_bytes()
        except OSError as exc:
            raise TemplateRefused(relative, f"bestand niet te lezen ({exc.strerror})") from exc
        source = TemplateSource(relative, hashlib.sha256(content).hexdigest()[:16], content)
        self._loaded[relative] = (stamp, source)
        return source

    def letter(self, kind: str) -> TemplateSource:
        return self._load(f"brieven/{kind}.docx")

    def block(self, name: str) -> TemplateSource:
        return self._load(f"bouwstenen/{name}.docx")

    def block_names(self) -> list[str]:
        return sorted(p.stem for p in (self.root / "bouwstenen").glob("*.docx"))

    def house_style(self, municipality: str) -> TemplateSource:
        return self._load(f"huisstijl/{municipality}.docx")


class SettledRegistry:
    """Another registry's sources as they were when first asked for. A batch looks at the
    templates once instead of listing and checking them for every letter, and so prints all
    its letters from the same versions."""

    def __init__(self, registry: TemplateRegistry) -> None:
        self._registry = registry
        self._sources: dict[tuple[str, str], TemplateSource] = {}
        self._block_names: list[str] | None = None

    def _settled(
        self, key: tuple[str, str], load: Callable[[str], TemplateSource]
    ) -> TemplateSource:
        if key not in self._sources:  # a refusal is not kept: it is raised again when asked
            self._sources[key] = load(key[1])
        return self._sources[key]

    def letter(self, kind: str) -> TemplateSource:
        return self._settled(("letter", kind), self._registry.letter)

    def block(self, name: str) -> TemplateSource:
        return self._settled(("block", name), self._registry.block)

    def block_names(self) -> list[str]:
        if self._block_names is None:
            self._block_names = self._registry.block_names()
        return list(self._block_names)

    def house_style(self, municipality: str) -> TemplateSource:
        return self._settled(("huisstijl", municipality), self._registry.house_style)

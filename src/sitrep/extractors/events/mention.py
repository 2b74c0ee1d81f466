"""The records the event stage builds while it reads one article.

`Trigger` is a word that names an event, with its PLOVER type and what modality made of it.
`Mention` ties the Event record being assembled to the tokens it rests on, so that figures,
origins and coreference can look at the parse; it never leaves this package (the Event does).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from spacy.tokens import Token

from ...models import Event


@dataclass(eq=False)
class Trigger:
    token: Token                      # the word that names the event
    type: str
    mode: Optional[str]
    anchor: Optional[Token] = None    # the verb carrying its arguments (the light verb for a noun)
    source: str = "lexicon"           # lexicon, or classifier when the learned coder proposed it
    negated: bool = False
    future: bool = False
    hypothetical: bool = False
    by_modality: bool = False         # its type comes from PLOVER's modality rules (a promise → AGREE)
    absorbed_by: Optional["Trigger"] = field(default=None, repr=False)

    def __post_init__(self) -> None:
        if self.anchor is None:
            self.anchor = self.token


@dataclass(eq=False)
class Mention:
    event: Event
    trigger: Trigger

    @property
    def token(self) -> Token:
        return self.trigger.token

    @property
    def clausal(self) -> bool:
        """Named by a verb, or by a noun that a light verb carries ("rockets were launched")."""
        return self.trigger.anchor.i != self.token.i or self.token.pos_ == "VERB"

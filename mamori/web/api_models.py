"""The check API's request and response bodies (Pydantic), which are also its OpenAPI schema at /docs.

Request: a message of one channel (email, chat, fax) with its sender, recipients, text and base64 attachments.
Response: the guard's verdict (action, reasons in English and Japanese with masked evidence, external recipients
grouped by organisation) and how each recipient was understood. Nothing in a response is unmasked personal data.
"""

from __future__ import annotations

import base64
import binascii
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

MAX_RECIPIENTS = 500
MAX_ATTACHMENTS = 20
MAX_TEXT_CHARS = 1_000_000
BASE64_PATTERN = r"^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$"
EMAIL_PATTERN = r"^[^@\s]+@[^@\s]+$"


def _strict_base64(value: str) -> str:
    try:
        base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise ValueError("content_base64 is not valid base64 (RFC 4648, no line breaks)") from exc
    return value


Address = Annotated[str, Field(max_length=320, pattern=EMAIL_PATTERN, examples=["t.sato@alpha.example"])]
ShortText = Annotated[str, Field(max_length=200)]
Handle = Annotated[str, Field(min_length=1, max_length=200)]
FaxNumber = Annotated[str, Field(max_length=40, pattern=r"^[0-9０-９+()\-－ 　.]*[0-9０-９][0-9０-９+()\-－ 　.]*$")]
Base64Text = Annotated[
    str,
    Field(json_schema_extra={"pattern": BASE64_PATTERN, "contentEncoding": "base64"}),
    AfterValidator(_strict_base64),
]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Sender(_Strict):
    """Who sends: an address (used with the sending history) and/or a chat handle; a display name."""

    model_config = ConfigDict(
        extra="forbid", json_schema_extra={"anyOf": [{"required": ["address"]}, {"required": ["handle"]}]}
    )

    address: Address = Field(None, description="The sender's e-mail address (their history is looked up)")  # type: ignore[assignment]
    handle: Handle = Field(None, description="The sender's chat handle (resolved via contacts.csv handle)")  # type: ignore[assignment]
    name: ShortText = ""

    @model_validator(mode="after")
    def _one_identity(self) -> Sender:
        if not self.address and not self.handle:
            raise ValueError("sender needs an address or a handle")
        return self


class _Recipient(_Strict):
    name: ShortText = Field("", examples=["佐藤 太郎"])
    organization: ShortText = Field("", examples=["株式会社アルファ"])
    field: Literal["to", "cc", "bcc"] = "to"


class EmailRecipient(_Recipient):
    """An e-mail addressee: the address, and the display name as a mailer shows it."""

    address: Address


class ChatRecipient(_Recipient):
    """A chat addressee: ``name`` + ``organization`` (that is how the directory finds them), and the ``handle``
    or ``address`` if the tool has one."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "anyOf": [
                {"required": ["name"], "properties": {"name": {"minLength": 1}}},
                {"required": ["handle"]},
                {"required": ["address"]},
            ]
        },
    )

    address: Address = None  # type: ignore[assignment]
    handle: Handle = Field(None, description="Chat handle / user id, as in contacts.csv's handle column")  # type: ignore[assignment]

    @model_validator(mode="after")
    def _someone(self) -> ChatRecipient:
        if not (self.name or self.handle or self.address):
            raise ValueError("a chat recipient needs a name, a handle or an address")
        return self


class FaxRecipient(_Recipient):
    """A FAX addressee: the number dialled, and the name and organisation on the cover sheet."""

    fax: FaxNumber = Field(examples=["03-1234-5678"])


class AttachmentIn(_Strict):
    """A file as sent: its name and its bytes in base64 (standard alphabet, padded, no line breaks)."""

    filename: Annotated[str, Field(min_length=1, max_length=255)]
    content_base64: Base64Text
    content_type: Annotated[str, Field(max_length=100)] = Field(  # type: ignore[assignment]
        None, description="Declared MIME type (optional; the content is sniffed anyway)"
    )


class _Check(_Strict):
    sender: Sender
    subject: Annotated[str, Field(max_length=2000)] = ""
    text: Annotated[str, Field(max_length=MAX_TEXT_CHARS)] = ""
    attachments: Annotated[list[AttachmentIn], Field(max_length=MAX_ATTACHMENTS)] = []


class EmailCheck(_Check):
    """An e-mail, as a mailer would send it."""

    channel: Literal["email"]
    recipients: Annotated[list[EmailRecipient], Field(min_length=1, max_length=MAX_RECIPIENTS)]


class ChatCheck(_Check):
    """A chat message (a messaging app, a CRM's message, a script)."""

    channel: Literal["chat"]
    recipients: Annotated[list[ChatRecipient], Field(min_length=1, max_length=MAX_RECIPIENTS)]


class FaxCheck(_Check):
    """A FAX: the text is the cover sheet (and any text of the pages); attachments are the pages."""

    channel: Literal["fax"]
    recipients: Annotated[list[FaxRecipient], Field(min_length=1, max_length=MAX_RECIPIENTS)]


CheckRequest = Annotated[EmailCheck | ChatCheck | FaxCheck, Field(discriminator="channel")]
"""A message to judge before it is sent; ``channel`` says which kind (and which recipient fields it needs)."""


class ReasonOut(BaseModel):
    """Why the message needs attention. ``evidence`` is masked (``t****@alpha.example``, ``佐藤 ■■``)."""

    code: str = Field(examples=["similar_recipient"])
    severity: Literal["allow", "confirm", "hold", "block"]
    detail: str = Field(description="English")
    detail_ja: str = Field(description="日本語")
    evidence: list[str] = []


class GroupedRecipientOut(BaseModel):
    """An external recipient as a confirmation dialog lists it: masked address (null without one) or label."""

    address: str | None = Field(description="Masked address; null for a chat/FAX recipient without one")
    label: str = Field(description="How to show the recipient: masked address, or masked name / organisation")
    name: str = Field(description="Masked name")
    field: Literal["To", "Cc", "Bcc"]
    first_time: bool


class OrgGroupOut(BaseModel):
    organization: str = Field(description="Directory organisation, else the domain; empty when unknown")
    known: bool
    recipients: list[GroupedRecipientOut]


class ResolutionOut(BaseModel):
    """How one input recipient was understood (in the order given)."""

    index: int
    status: Literal["resolved", "ambiguous", "unknown"]
    matched_by: Literal["address", "handle", "fax", "name", "kana", "surname", ""]
    organization: str = Field(description="The organisation the message reaches; empty when unknown")
    internal: bool
    label: str = Field(description="Masked address, or masked name / organisation / number")


class AttachmentOut(BaseModel):
    filename: str
    size: int
    records: int = Field(description="People with personal data found (table rows or names)")
    types: list[str] = Field(description="Entity types of personal data found")
    issues: list[str] = Field(description="What could not be inspected: encrypted, too_large, corrupt...")


class CheckResponse(BaseModel):
    """The verdict: ``allow`` (send), ``confirm`` (show the recipients and reasons, let the user tick them),
    ``hold`` (a likely mistake: do not send without a second look), ``block`` (policy forbids it)."""

    channel: Literal["email", "chat", "fax"]
    action: Literal["allow", "confirm", "hold", "block"]
    reasons: list[ReasonOut]
    external_recipients: list[OrgGroupOut]
    recipients: list[ResolutionOut]
    sender_known: bool = Field(description="False when the sender could not be identified (no history used)")
    attachments: list[AttachmentOut]


class ErrorBody(BaseModel):
    code: str = Field(examples=["unauthorized"])
    message: str
    message_ja: str


class ErrorOut(BaseModel):
    """Errors other than validation (422): ``{"detail": {"code", "message", "message_ja"}}``."""

    detail: ErrorBody


class HealthOut(BaseModel):
    status: Literal["ok", "no_guard"]
    guard: bool = Field(description="True when the guard (policy, directory, history) is loaded")

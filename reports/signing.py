"""The check of a signed upload: exactly the approved version plus one incremental signature in the
report's field, covering the whole file, intact and valid, changing nothing but the signature.
Every refusal carries its reason in the reader's language."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from io import BytesIO
from pathlib import Path

from asn1crypto import cms, x509
from django.conf import settings
from django.utils.translation import gettext as _
from pyhanko.keys import load_certs_from_pemder
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.diff_analysis import (
    CatalogModificationRule,
    DocInfoRule,
    DSSCompareRule,
    FormUpdatingRule,
    GenericFieldModificationRule,
    MetadataUpdateRule,
    ModificationLevel,
    ObjectStreamRule,
    SigFieldCreationRule,
    SigFieldModificationRule,
    StandardDiffPolicy,
    SuspiciousModification,
    XrefStreamRule,
)
from pyhanko.sign.diff_analysis.constants import ACROFORM_EXEMPT_STRICT_COMPARISON
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.status import SignatureCoverageLevel
from pyhanko_certvalidator import ValidationContext

logger = logging.getLogger(__name__)

# pyHanko's default policy, except that the form's /SigFlags may change: filling the first signature
# field sets "signatures exist" (1 -> 3), which the default policy expects to see only after a signature.
SIGNING_DIFF_POLICY = StandardDiffPolicy(
    global_rules=[
        CatalogModificationRule(),
        DocInfoRule().as_qualified(ModificationLevel.LTA_UPDATES),
        XrefStreamRule().as_qualified(ModificationLevel.LTA_UPDATES),
        ObjectStreamRule().as_qualified(ModificationLevel.LTA_UPDATES),
        DSSCompareRule().as_qualified(ModificationLevel.LTA_UPDATES),
        MetadataUpdateRule().as_qualified(ModificationLevel.LTA_UPDATES),
    ],
    form_rule=FormUpdatingRule(
        field_rules=[SigFieldCreationRule(), SigFieldModificationRule(), GenericFieldModificationRule()],
        ignored_acroform_keys=ACROFORM_EXEMPT_STRICT_COMPARISON | {"/SigFlags"},
    ),
)


class SignatureRefused(ValueError):
    """The upload is not the approved version properly signed; str() is the reason for the user."""


@dataclass(frozen=True)
class SignatureFacts:
    field_name: str
    subject: str
    serial: str
    issuer: str
    signed_at: datetime | None
    trusted: bool


def trust_roots() -> list[x509.Certificate]:
    """Every certificate of the PEM/DER files in REPORTS_TRUST_ROOTS_DIR (none when it is not set)."""
    folder = settings.REPORTS_TRUST_ROOTS_DIR
    if not folder:
        return []
    files = sorted(p for p in Path(folder).glob("*") if p.suffix.lower() in {".pem", ".crt", ".cer", ".der"})
    return list(load_certs_from_pemder([str(p) for p in files]))


def check_signed_pdf(*, signed: bytes, approved: bytes, field_name: str) -> SignatureFacts:
    """Raise SignatureRefused unless `signed` is `approved` with a valid signature in `field_name`
    appended as the only change."""
    if len(signed) > settings.REPORTS_SIGNED_MAX_BYTES:
        raise SignatureRefused(
            _("The file is too large (at most %(mb)s MB).") % {"mb": settings.REPORTS_SIGNED_MAX_BYTES // 2**20}
        )
    if not signed.startswith(b"%PDF-"):
        raise SignatureRefused(_("The file is not a PDF."))
    try:
        reader = PdfFileReader(BytesIO(signed), strict=False)
        signatures = reader.embedded_signatures
    except Exception as error:  # pyHanko raises many kinds on a malformed file; all mean the same here.
        logger.info("unreadable signed upload: %s", error)
        raise SignatureRefused(_("The file is not a PDF that can be read.")) from None
    if not signatures:
        raise SignatureRefused(_("The file carries no signature: sign the approved PDF with the token first."))
    ours = [sig for sig in signatures if sig.field_name == field_name]
    if not ours or len(signatures) > 1:
        others = ", ".join(sig.field_name for sig in signatures if sig.field_name != field_name)
        raise SignatureRefused(
            _("The signature is in the field %(others)s; this report is signed in the field %(field)s.")
            % {"others": others or "—", "field": field_name}
        )
    signature = ours[0]
    roots = trust_roots()
    context = ValidationContext(trust_roots=roots, allow_fetching=False)
    try:
        status = validate_pdf_signature(signature, signer_validation_context=context, skip_diff=True)
    except Exception as error:
        logger.info("signature check failed: %s", error)
        raise SignatureRefused(_("The signature is broken: the signed bytes do not match it.")) from None
    if not (status.intact and status.valid) or not _contents_exact(signature.pkcs7_content):
        raise SignatureRefused(_("The signature is broken: the signed bytes do not match it."))
    if not signed.startswith(approved):
        raise SignatureRefused(
            _("The signed file is not the approved version of this report: download the approved PDF and sign it.")
        )
    if status.coverage != SignatureCoverageLevel.ENTIRE_FILE:
        raise SignatureRefused(_("The file was changed after it was signed."))
    _check_only_signature_added(reader, approved)
    if roots and not status.trusted:
        raise SignatureRefused(_("The signer's certificate does not chain to a trusted root."))
    cert = status.signing_cert
    return SignatureFacts(
        field_name=field_name,
        subject=cert.subject.human_friendly,
        serial=format(cert.serial_number, "X"),
        issuer=cert.issuer.human_friendly,
        signed_at=status.signer_reported_dt,
        trusted=bool(roots) and status.trusted,
    )


def _contents_exact(contents: bytes) -> bool:
    """The signature value is the only part of a signed file its digest cannot cover; beyond the CMS
    structure it holds only the zero padding the signer reserved, so any other byte there is tampering."""
    try:
        der = cms.ContentInfo.load(contents, strict=False).dump()
    except ValueError:
        return False
    return contents.startswith(der) and not contents[len(der) :].strip(b"\x00")


def _check_only_signature_added(reader: PdfFileReader, approved: bytes) -> None:
    """pyHanko's modification analysis from the approved file's last revision to the end: filling
    the signature field is allowed, anything else is a change."""
    base = PdfFileReader(BytesIO(approved), strict=False).xrefs.total_revisions - 1
    result = SIGNING_DIFF_POLICY.review_file(reader, base)
    if isinstance(result, SuspiciousModification) or result.modification_level > ModificationLevel.FORM_FILLING:
        raise SignatureRefused(_("The signed file changes more than the signature field."))

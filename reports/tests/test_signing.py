"""The check of a signed upload, with a certificate made in the test and pyHanko as the token."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

import pytest
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader

from reports.demo_token import blank_pdf, make_signer, sign
from reports.signing import SignatureRefused, check_signed_pdf

FIELD = "ChuKy_kimtra_chutich"


@pytest.fixture(scope="module")
def signer():
    return make_signer()


@pytest.fixture(scope="module")
def approved() -> bytes:
    return blank_pdf(FIELD)


@pytest.fixture(scope="module")
def signed(approved, signer) -> bytes:
    return sign(approved, FIELD, signer)


def refusal(signed: bytes, approved: bytes, field: str = FIELD) -> str:
    with pytest.raises(SignatureRefused) as raised:
        check_signed_pdf(signed=signed, approved=approved, field_name=field)
    return str(raised.value)


def test_a_good_signature_is_accepted_and_described(signed, approved) -> None:
    facts = check_signed_pdf(signed=signed, approved=approved, field_name=FIELD)
    assert "Nguyễn Văn Chủ Tịch" in facts.subject and facts.subject == facts.issuer
    assert facts.signed_at is not None
    assert facts.trusted is False


def test_the_certificate_in_the_trust_roots_is_verified(signed, approved, signer, settings, tmp_path: Path) -> None:
    (tmp_path / "root.pem").write_bytes(signer.cert_pem)
    settings.REPORTS_TRUST_ROOTS_DIR = str(tmp_path)
    assert check_signed_pdf(signed=signed, approved=approved, field_name=FIELD).trusted is True


def test_an_unknown_root_is_refused_when_roots_are_configured(signed, approved, settings, tmp_path: Path) -> None:
    (tmp_path / "other.pem").write_bytes(make_signer("Khác").cert_pem)
    settings.REPORTS_TRUST_ROOTS_DIR = str(tmp_path)
    assert "chuỗi tin cậy" in refusal(signed, approved)


@pytest.mark.parametrize("offset", [200, -300, -2000])
def test_a_flipped_byte_is_refused(signed, approved, offset) -> None:
    tampered = bytearray(signed)
    tampered[offset] ^= 0x01
    assert refusal(bytes(tampered), approved)


def test_a_signature_on_another_version_is_refused(approved, signer) -> None:
    other = blank_pdf(FIELD).replace(b"/MediaBox [ 0 0 595 842 ]", b"/MediaBox [ 0 0 596 842 ]")
    assert other != approved
    assert "không phải bản đã phê duyệt" in refusal(sign(other, FIELD, signer), approved)


def test_a_change_appended_after_signing_is_refused(signed, approved) -> None:
    writer = IncrementalPdfFileWriter(BytesIO(signed))
    writer.root["/Lang"] = generic.TextStringObject("en")
    writer.update_root()
    out = BytesIO()
    writer.write(out)
    assert "thay đổi sau khi ký" in refusal(out.getvalue(), approved)


def test_an_unsigned_file_is_refused(approved) -> None:
    assert "chưa có chữ ký" in refusal(approved, approved)


def test_a_signature_in_another_field_is_refused(approved, signer) -> None:
    assert "ChuKy_khac" in refusal(sign(approved, "ChuKy_khac", signer), approved)


def test_not_a_pdf_and_too_large_are_refused(approved, settings) -> None:
    assert "không phải là PDF" in refusal(b"GIF89a...", approved)
    settings.REPORTS_SIGNED_MAX_BYTES = 100
    assert "quá lớn" in refusal(approved, approved)


def flips(signed: bytes, approved: bytes, offsets: list[int]) -> list[int]:
    """The offsets where a flipped bit is NOT refused."""
    accepted = []
    for offset in offsets:
        tampered = bytearray(signed)
        tampered[offset] ^= 0x01
        try:
            check_signed_pdf(signed=bytes(tampered), approved=approved, field_name=FIELD)
        except SignatureRefused:
            continue
        accepted.append(offset)
    return accepted


def test_a_flipped_bit_in_the_signed_bytes_or_the_signature_value_is_refused(signed, approved) -> None:
    signature = PdfFileReader(BytesIO(signed)).embedded_signatures[0]
    start, length, after, _rest = (int(n) for n in signature.byte_range)
    covered = [*range(start, start + length), *range(after, len(signed))]
    # The signature value, as hex digits inside /Contents <...>.
    value = signature.signer_info["signature"].contents
    hex_at = signed.index(value.hex().upper().encode(), length)
    assert flips(signed, approved, covered[:: max(1, len(covered) // 80)]) == []
    assert flips(signed, approved, list(range(hex_at, hex_at + 2 * len(value), 7))) == []

"""A self-signed certificate made on the spot and pyHanko in the place of the leader's USB token: the
demo signs its reports with it, and the tests sign uploads with it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from io import BytesIO

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from pyhanko.keys import load_certs_from_pemder_data, load_private_key_from_pemder_data
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import signers
from pyhanko.sign.fields import SigFieldSpec, append_signature_field
from pyhanko_certvalidator.registry import SimpleCertificateStore
from pypdf import PdfWriter


@dataclass(frozen=True)
class TestSigner:
    cert_pem: bytes
    signer: signers.SimpleSigner


def make_signer(name: str = "Nguyễn Văn Chủ Tịch") -> TestSigner:
    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name), x509.NameAttribute(NameOID.COUNTRY_NAME, "VN")])
    now = datetime.now(UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=30))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .sign(key, hashes.SHA256())
    )
    cert_pem = cert.public_bytes(serialization.Encoding.PEM)
    key_pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    (asn1_cert,) = load_certs_from_pemder_data(cert_pem)
    signer = signers.SimpleSigner(
        signing_cert=asn1_cert,
        signing_key=load_private_key_from_pemder_data(key_pem, passphrase=None),
        cert_registry=SimpleCertificateStore(),  # the signing certificate once, as a token embeds it
    )
    return TestSigner(cert_pem=cert_pem, signer=signer)


def sign(pdf: bytes, field_name: str, signer: TestSigner) -> bytes:
    """Sign the existing field (or add it) in an incremental update, as the token software does."""
    writer = IncrementalPdfFileWriter(BytesIO(pdf))
    out = signers.sign_pdf(writer, signers.PdfSignatureMetadata(field_name=field_name), signer=signer.signer)
    return out.getvalue()


def blank_pdf(field_name: str) -> bytes:
    """A one-page PDF with an empty signature field: a fast stand-in for a rendered report."""
    page = PdfWriter()
    page.add_blank_page(width=595, height=842)
    first = BytesIO()
    page.write(first)
    writer = IncrementalPdfFileWriter(BytesIO(first.getvalue()))
    append_signature_field(writer, SigFieldSpec(sig_field_name=field_name, on_page=0, box=(350, 100, 550, 200)))
    out = BytesIO()
    writer.write(out)
    return out.getvalue()

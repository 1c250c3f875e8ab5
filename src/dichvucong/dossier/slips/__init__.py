"""One-stop slips (receipt, supplement request, refusal, apology) as A5 PDF with a QR code."""

from dichvucong.dossier.slips.render import KINDS
from dichvucong.dossier.slips.render import qr_payload
from dichvucong.dossier.slips.render import render_slip
from dichvucong.dossier.slips.render import slip_html


__all__ = ["KINDS", "qr_payload", "render_slip", "slip_html"]

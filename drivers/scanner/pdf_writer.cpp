#include "drivers/scanner/pdf_writer.hpp"

#include <cstdio>
#include <string>

namespace scanner {

namespace {

void append(std::vector<std::uint8_t>& out, const std::string& s) {
  out.insert(out.end(), s.begin(), s.end());
}

// Two PDF numbers with two decimals, "595.44 841.68".
std::string pair(double a, double b) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.2f %.2f", a, b);
  return buf;
}

}  // namespace

std::vector<std::uint8_t> make_pdf(std::span<const PdfPage> pages) {
  std::vector<std::uint8_t> out;
  std::vector<std::size_t> offsets;  // of objects 1..n
  auto begin_obj = [&](std::size_t id) {
    if (offsets.size() < id) offsets.resize(id);
    offsets[id - 1] = out.size();
    append(out, std::to_string(id) + " 0 obj\n");
  };
  append(out, "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n");
  // Object numbering: 1 catalog, 2 page tree, then 3 per page: page,
  // content stream, image.
  begin_obj(1);
  append(out, "<< /Type /Catalog /Pages 2 0 R >>\nendobj\n");
  begin_obj(2);
  std::string kids;
  for (std::size_t i = 0; i < pages.size(); ++i) kids += std::to_string(3 + 3 * i) + " 0 R ";
  append(out, "<< /Type /Pages /Kids [ " + kids + "] /Count " + std::to_string(pages.size()) +
                  " >>\nendobj\n");
  for (std::size_t i = 0; i < pages.size(); ++i) {
    const PdfPage& p = pages[i];
    const std::size_t page_id = 3 + 3 * i;
    const int dpi = p.dpi > 0 ? p.dpi : 200;
    const double w_pt = p.width * 72.0 / dpi;
    const double h_pt = p.height * 72.0 / dpi;
    begin_obj(page_id);
    append(out, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 " + pair(w_pt, h_pt) +
                    "] /Resources << /XObject << /Im0 " + std::to_string(page_id + 2) +
                    " 0 R >> >> /Contents " + std::to_string(page_id + 1) + " 0 R >>\nendobj\n");
    const std::string content = "q " + pair(w_pt, 0) + " 0 " + pair(h_pt, 0) + " 0 cm /Im0 Do Q\n";
    begin_obj(page_id + 1);
    append(out, "<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content +
                    "endstream\nendobj\n");
    begin_obj(page_id + 2);
    append(out, "<< /Type /XObject /Subtype /Image /Width " + std::to_string(p.width) +
                    " /Height " + std::to_string(p.height) + " /ColorSpace " +
                    (p.colour ? "/DeviceRGB" : "/DeviceGray") +
                    " /BitsPerComponent 8 /Filter /DCTDecode /Length " +
                    std::to_string(p.jpeg.size()) + " >>\nstream\n");
    out.insert(out.end(), p.jpeg.begin(), p.jpeg.end());
    append(out, "\nendstream\nendobj\n");
  }
  const std::size_t xref = out.size();
  append(out, "xref\n0 " + std::to_string(offsets.size() + 1) + "\n0000000000 65535 f \n");
  for (std::size_t off : offsets) {
    char line[32];
    std::snprintf(line, sizeof line, "%010zu 00000 n \n", off);
    append(out, line);
  }
  append(out, "trailer\n<< /Size " + std::to_string(offsets.size() + 1) +
                  " /Root 1 0 R >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n");
  return out;
}

}  // namespace scanner

#include "corridor/engine/diagnostics.hpp"

namespace corridor {

std::string format(const Diagnostic& d) {
    std::string out = d.file;
    if (d.line > 0) {
        out += ":" + std::to_string(d.line);
        if (d.column > 0) out += ":" + std::to_string(d.column);
    }
    switch (d.severity) {
        case Severity::error:
            out += ": error: ";
            break;
        case Severity::warning:
            out += ": warning: ";
            break;
        case Severity::note:
            out += ": note: ";
            break;
    }
    return out + d.message;
}

bool Diagnostics::has_errors() const { return error_count() > 0; }

std::size_t Diagnostics::error_count() const {
    std::size_t count = 0;
    for (const Diagnostic& d : items_) count += d.severity == Severity::error;
    return count;
}

std::string Diagnostics::first_error() const {
    for (const Diagnostic& d : items_)
        if (d.severity == Severity::error) return format(d);
    return {};
}

}  // namespace corridor

#pragma once

// ApiError: the one error shape of both servers (DESIGN.md §5),
//     {"error": {"code": "snake_case", "message": "…", "details": {…}}}
// built by the servers and read by the clients. `details` carries machine-readable
// context such as tries_left, retry_after_s or current_revision.

#include "common/Result.h"

#include <QtCore/QByteArray>
#include <QtCore/QJsonObject>
#include <QtCore/QString>

namespace credvault {

struct ApiError {
    int httpStatus = 0;
    QString code;
    QString message;
    QJsonObject details;

    QByteArray toJson() const;
    /// Reads an error body. A body that is not this shape is an InvalidInput error, so
    /// a client can still say what came back (status and a short reason).
    static Result<ApiError> fromJson(int httpStatus, const QByteArray &body);

    bool operator==(const ApiError &) const = default;
};

/// The snake_case code is made of lower-case letters, digits and underscores.
bool isValidErrorCode(const QString &code);

} // namespace credvault

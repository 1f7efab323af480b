// Fixture for the layering check test: a core file that includes QtWidgets must be refused.
#include <QtCore/QString>
#include <QtWidgets/QLabel>

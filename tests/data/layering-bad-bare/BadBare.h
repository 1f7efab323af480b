// Fixture for the layering check test: a bare GUI class header must be refused too.
#pragma once
#include <QImage>

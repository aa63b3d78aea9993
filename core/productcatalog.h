#pragma once

#include "core/instrument.h"
#include "core/result.h"

#include <QByteArray>
#include <QDate>
#include <QList>

namespace qx::core {

/**
 * A product is a family of contracts listed for consecutive delivery periods (German power
 * base month, TTF month, EUA December...). The catalog turns products into the instruments that
 * are tradable on a given day, so the listing rolls forward with the calendar. Value type.
 */
struct Product
{
    QString code; ///< symbol prefix, e.g. DE.BASE
    QString name; ///< e.g. "German power base load"
    Commodity commodity = Commodity::Power;
    QString area;
    LoadShape load = LoadShape::Base;
    DeliveryPeriod::Kind period = DeliveryPeriod::Kind::Month;
    /// Only for yearly contracts that deliver in one month (EUA December): that month.
    int deliveryMonth = 0;
    /// How many consecutive periods are tradable at once; for hours and quarter-hours, how
    /// many days of them (today's and the next days').
    int listed = 1;
    /// Hours and quarter-hours: trading stops this many minutes before delivery starts (EPEX
    /// continuous intraday within a German control area: 5).
    int gateClosureMinutes = 5;
    QByteArray timeZone;
    QuantityUnit unit = QuantityUnit::Megawatt;
    QString currency;
    Price tickSize;
    Quantity lotSize;
};

/// What a symbol says: its product and its delivery period.
struct SymbolParts
{
    QString product; ///< DE.BASE, TTF, EUA
    DeliveryPeriod delivery;
};

/**
 * Reads a symbol as the catalog writes it: PRODUCT.H.yyyy-MM-ddThh[B],
 * PRODUCT.QH.yyyy-MM-ddThhmm[B] (B: the second pass of the hour the autumn clock change
 * repeats), PRODUCT.D.yyyy-MM-dd, PRODUCT.M.yyyy-MM,
 * PRODUCT.WE.yyyy-WEww, PRODUCT.W.yyyy-Www, PRODUCT.Q.yyyy-Qn, PRODUCT.S.yyyy-SUM|WIN,
 * PRODUCT.Y.yyyy, or PRODUCT.MON.yyyy for a contract delivering in one
 * month of the year (EUA.DEC.2027). invalid_symbol otherwise.
 */
Result<SymbolParts> parseSymbol(QStringView symbol);

/// The symbol of `product`'s contract for `delivery`: PRODUCT.M.2027-01, EUA.DEC.2027, ...
QString symbolOf(const Product &product, const DeliveryPeriod &delivery);

class ProductCatalog
{
public:
    /// Parses the catalog document ({"products":[...]}, as shipped in resources/); any
    /// malformed product fails the whole document with invalid_catalog.
    static Result<ProductCatalog> fromJson(const QByteArray &json);

    const QList<Product> &products() const { return m_products; }
    /// The instruments listed on `today`: for each product the next `listed` periods whose
    /// delivery has not started (month, quarter, year) or, for December contracts, whose last
    /// trading day has not passed; every hour or quarter-hour of today and the next
    /// `listed` - 1 days (those past their gate closure are listed but expired).
    QList<Instrument> instrumentsOn(QDate today) const;

private:
    QList<Product> m_products;
};

} // namespace qx::core

//! Stripe's names for card brands. Stripe spells them two ways: a token's
//! `card.brand` is a display name ("MasterCard", "American Express") and
//! a payment method's `card.brand` is a code ("mastercard", "amex").

use paypage_card::Brand;

/// The token object's `card.brand`.
///
/// Maestro: Stripe has no Maestro brand; it reports Maestro cards as
/// "MasterCard", the network that carries them, so the sandbox does
/// too. The shim therefore sees Maestro as Mastercard from real Stripe
/// and from the sandbox alike; a council that accepts Maestro but not
/// Mastercard cannot be told apart at the PSP and must be handled in
/// the page, where the card crate still knows the difference.
pub(crate) fn token_name(brand: Brand) -> &'static str {
    match brand {
        Brand::Visa => "Visa",
        Brand::Mastercard | Brand::Maestro => "MasterCard",
        Brand::AmericanExpress => "American Express",
        Brand::DinersClub => "Diners Club",
        Brand::Discover => "Discover",
        Brand::Jcb => "JCB",
        Brand::UnionPay => "UnionPay",
    }
}

/// The payment method object's `card.brand` (Maestro as above).
pub(crate) fn payment_method_code(brand: Brand) -> &'static str {
    match brand {
        Brand::Visa => "visa",
        Brand::Mastercard | Brand::Maestro => "mastercard",
        Brand::AmericanExpress => "amex",
        Brand::DinersClub => "diners",
        Brand::Discover => "discover",
        Brand::Jcb => "jcb",
        Brand::UnionPay => "unionpay",
    }
}

//! With the `serde` feature, a brand travels as its GOV.UK Pay code.

use paypage_card::Brand;

#[test]
fn brands_serialize_as_their_gov_uk_pay_codes() -> serde_json::Result<()> {
    for brand in Brand::ALL {
        let json = serde_json::to_string(&brand)?;
        assert_eq!(json, format!("\"{}\"", brand.code()));
        assert_eq!(serde_json::from_str::<Brand>(&json)?, brand);
    }
    Ok(())
}

#[test]
fn an_unknown_brand_code_does_not_deserialize() {
    for json in ["\"mastercard\"", "\"Visa\"", "\"mir\"", "4"] {
        assert!(serde_json::from_str::<Brand>(json).is_err(), "{json}");
    }
}

"""Official documents: the NĐ 30/2020 rendering engine lives in ``rendering``."""

import MineRisk
print(BLASInfo.current)
print(try eigen(Matrix([[1, 2], [0.5, 1]])).real)
